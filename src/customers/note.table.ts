import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { staffUsers } from '../tenancy/staff-user.table';
import { customers } from './customer.table';

/** Dated notes on a customer account (SIMPLer addCustomerNote: note_title, note_text). */
export const customerNotes = pgTable(
  'customer_notes',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    body: text().notNull(),
    authorStaffId: integer().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('customer_notes_operator_idx').on(t.operatorId),
    index('customer_notes_customer_created_idx').on(t.customerId, t.createdAt),
    index('customer_notes_author_idx').on(t.authorStaffId),
  ],
);
