import { index, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn } from '../db/columns';

/** The four levels of SIMPLer's sales hierarchy. */
export const salesRole = pgEnum('sales_role', ['value_added_reseller', 'master_agent', 'regional_sales_manager', 'salesman']);

/**
 * People in the sales hierarchy that customers and salesman tasks name (by id in addCustomer,
 * by name in addSalesmanTask: names are unique per role within an operator).
 */
export const salesPeople = pgTable(
  'sales_people',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    role: salesRole().notNull(),
    name: text().notNull(),
    email: text(),
    phone: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sales_people_operator_role_name_key').on(t.operatorId, t.role, t.name),
    index('sales_people_operator_name_idx').on(t.operatorId, t.name),
  ],
);
