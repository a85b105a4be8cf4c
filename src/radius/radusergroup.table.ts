import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';

/**
 * FreeRADIUS `radusergroup` in FreeRADIUS 3's own shape: which groups a username belongs to,
 * in `priority` order. SIMPLer customerRadius `table=usergroup|radusergroup`; Jaze move group
 * (E10) and allowed groups (E29, user counts per group). A customer's rows go with the customer.
 */
export const radusergroup = pgTable(
  'radusergroup',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    username: text().notNull().default(''),
    groupname: text().notNull().default(''),
    /** FreeRADIUS defaults this to 0; ours start at 1, the lowest SIMPLer radius priority. */
    priority: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('radusergroup_username_idx').on(t.username),
    index('radusergroup_groupname_idx').on(t.groupname),
    index('radusergroup_customer_idx').on(t.customerId),
    index('radusergroup_operator_idx').on(t.operatorId),
  ],
);
