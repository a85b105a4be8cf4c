import { index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { radiusOpCheck, radiusOperators } from './radius-op';

/**
 * FreeRADIUS `radcheck`, in FreeRADIUS 3's own PostgreSQL shape and column names, read by
 * rlm_sql directly: per-user check items: attributes the request must match, and `Cleartext-Password`.
 * SIMPLer customerRadius (`table=radcheck`: `id`, `customerid`, `username`, `attribute`, `op`,
 * `value`) lists and edits these rows. `operator_id`/`customer_id` are ours; FreeRADIUS
 * names its columns in its queries and ignores them. A customer's rows go with the customer.
 */
export const radcheck = pgTable(
  'radcheck',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    username: text().notNull().default(''),
    attribute: text().notNull().default(''),
    /** varchar(2) as FreeRADIUS has it: char(2) would pad `=` to `= `. */
    op: varchar({ length: 2, enum: radiusOperators }).notNull().default('=='),
    value: text().notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('radcheck_username_attribute_idx').on(t.username, t.attribute),
    index('radcheck_customer_idx').on(t.customerId),
    index('radcheck_operator_idx').on(t.operatorId),
    radiusOpCheck('radcheck_op_check', t.op),
  ],
);
