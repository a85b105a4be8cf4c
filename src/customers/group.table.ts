import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, operatorColumn } from '../db/columns';
import { customers } from './customer.table';

/** Customer groups (SIMPLer addCustomer `group`: one id or a comma-separated list). */
export const customerGroups = pgTable(
  'customer_groups',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    name: text().notNull(),
  },
  (t) => [uniqueIndex('customer_groups_operator_name_key').on(t.operatorId, t.name)],
);

export const customerGroupMembers = pgTable(
  'customer_group_members',
  {
    groupId: integer()
      .notNull()
      .references(() => customerGroups.id, { onDelete: 'cascade' }),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.customerId] }),
    index('customer_group_members_customer_idx').on(t.customerId),
  ],
);
