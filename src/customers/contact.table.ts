import { index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { idColumn, operatorColumn } from '../db/columns';
import { customers } from './customer.table';

/** Additional contacts of a customer (SIMPLer contacts_list: name:::phone:::position:::email///…). */
export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    position: smallint().notNull().default(0),
    name: text().notNull(),
    phone: text(),
    role: text(),
    email: text(),
  },
  (t) => [
    index('customer_contacts_operator_idx').on(t.operatorId),
    index('customer_contacts_customer_idx').on(t.customerId, t.position),
  ],
);
