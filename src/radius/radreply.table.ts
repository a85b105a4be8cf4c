import { index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { radiusOpCheck, radiusOperators } from './radius-op';

/**
 * FreeRADIUS `radreply`, in FreeRADIUS 3's own PostgreSQL shape and column names, read by
 * rlm_sql directly: per-user reply items: attributes sent back in the Access-Accept (rate limits, Framed-IP-Address, …).
 * SIMPLer customerRadius (`table=radreply`: `id`, `customerid`, `username`, `attribute`, `op`,
 * `value`) lists and edits these rows. `operator_id`/`customer_id` are ours; FreeRADIUS
 * names its columns in its queries and ignores them. A customer's rows go with the customer.
 */
export const radreply = pgTable(
  'radreply',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    username: text().notNull().default(''),
    attribute: text().notNull().default(''),
    /** varchar(2) as FreeRADIUS has it: char(2) would pad `=` to `= `. */
    op: varchar({ length: 2, enum: radiusOperators }).notNull().default('='),
    value: text().notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('radreply_username_attribute_idx').on(t.username, t.attribute),
    index('radreply_customer_idx').on(t.customerId),
    index('radreply_operator_idx').on(t.operatorId),
    radiusOpCheck('radreply_op_check', t.op),
  ],
);
