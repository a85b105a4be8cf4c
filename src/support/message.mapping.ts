/** Between message rows and the GraphQL Message type. */
import { asNode } from '../graphql/node';
import { statusOf, type MessageRow } from './message.service';
import type { Message, MessageStatus } from './message.types';

export const toMessage = (row: MessageRow): Message => ({ ...asNode('Message', row), status: statusOf(row.statusCode) as MessageStatus }) as unknown as Message;
