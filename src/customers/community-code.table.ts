import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';

/** Community codes (SIMPLer add/modify/delete/listCommunityCode), assigned to customers. */
export const communityCodes = pgTable(
  'community_codes',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    code: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('community_codes_operator_code_key').on(t.operatorId, t.code)],
);
