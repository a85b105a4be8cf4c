import { check, date, index, integer, numeric, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, money, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { salesPeople } from '../customers/sales-person.table';
import { maintenanceStatus } from './maintenance-ticket.table';

/**
 * A sales issue on a customer (SIMPLer addSalesmanTask/modifySalesmanTask/deleteSalesmanTask:
 * `custId`, `date_reported`, `description`, `type`, `date_closed`, `hours_spent`, `value`,
 * `priority`, `status`, `var`, `rsm`, `ma`, `salesman`, `resolution`; `updateresolution`
 * appends). `var`/`rsm`/`ma`/`salesman` arrive as names and are resolved to sales people.
 * A customer with sales issues cannot be deleted (deleteCustomer rule 5).
 */
export const salesmanTasks = pgTable(
  'salesman_tasks',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    dateReported: date().notNull(),
    description: text().notNull(),
    /** Free text on the wire, no documented list. */
    type: text().notNull(),
    dateClosed: date(),
    hoursSpent: numeric(),
    /** Value of the sale. */
    value: money(),
    priority: smallint(),
    status: maintenanceStatus().notNull().default('open'),
    valueAddedResellerId: integer().references(() => salesPeople.id, { onDelete: 'set null' }),
    regionalSalesManagerId: integer().references(() => salesPeople.id, { onDelete: 'set null' }),
    masterAgentId: integer().references(() => salesPeople.id, { onDelete: 'set null' }),
    salesmanId: integer().references(() => salesPeople.id, { onDelete: 'set null' }),
    resolution: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('salesman_tasks_customer_idx').on(t.customerId),
    index('salesman_tasks_operator_status_idx').on(t.operatorId, t.status),
    index('salesman_tasks_value_added_reseller_idx').on(t.valueAddedResellerId),
    index('salesman_tasks_regional_sales_manager_idx').on(t.regionalSalesManagerId),
    index('salesman_tasks_master_agent_idx').on(t.masterAgentId),
    index('salesman_tasks_salesman_idx').on(t.salesmanId),
    check('salesman_tasks_priority_check', sql`${t.priority} between 1 and 5`),
  ],
);
