/** Between message rows and the GraphQL Message type. */
import { sql } from 'drizzle-orm';
import { asNode } from '../graphql/node';
import { statusOf, type MessageRow } from './message.service';
import { messages } from './message.table';
import type { Message, MessageAccessType, MessageStatus, UsageAlertType } from './message.types';

/** The stored template arguments, as typed fields (GRANT_ACCESS keeps `grantAccessType`, USER_RECEIPT `userReciptType`). */
const paramsOf = (row: MessageRow) => (row.templateParams ?? {}) as Record<string, string | undefined>;

export const toMessage = (row: MessageRow): Message =>
  ({
    ...asNode('Message', row),
    status: statusOf(row.statusCode) as MessageStatus,
    accessType: (paramsOf(row).grantAccessType ?? paramsOf(row).userReciptType ?? null) as MessageAccessType | null,
    usageAlertType: (paramsOf(row).usageAlertType ?? null) as UsageAlertType | null,
  }) as unknown as Message;

/** The same two fields in SQL, for the compiled read path. */
export const accessTypeSql = () => sql`coalesce(${messages.templateParams} ->> 'grantAccessType', ${messages.templateParams} ->> 'userReciptType')`;
export const usageAlertTypeSql = () => sql`${messages.templateParams} ->> 'usageAlertType'`;
