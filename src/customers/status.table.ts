import { index, integer, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, operatorColumn } from '../db/columns';

/**
 * The operator's customer statuses (SIMPLer getCustomerStatuses: `array`, `labels`) and, per
 * status, the allowed sub-status values with their label and default (`substatus_hash`).
 */
export const customerStatuses = pgTable(
  'customer_statuses',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** The value stored in customers.status, e.g. `post`. */
    name: text().notNull(),
    /** What people see, e.g. `Disconnected` for `post`. */
    label: text().notNull(),
    /** Heading for the sub-status choice, e.g. `Reason` or `Priority`. */
    subStatusLabel: text(),
    subStatusDefault: text(),
    position: smallint().notNull().default(0),
  },
  (t) => [uniqueIndex('customer_statuses_operator_name_key').on(t.operatorId, t.name)],
);

export const customerSubStatuses = pgTable(
  'customer_sub_statuses',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    statusId: integer()
      .notNull()
      .references(() => customerStatuses.id, { onDelete: 'cascade' }),
    value: text().notNull(),
    position: smallint().notNull().default(0),
  },
  (t) => [
    uniqueIndex('customer_sub_statuses_status_value_key').on(t.statusId, t.value),
    index('customer_sub_statuses_operator_idx').on(t.operatorId),
  ],
);
