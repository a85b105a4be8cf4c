import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, timestamptz } from '../db/columns';
import { customers } from '../customers/customer.table';

export const billingIssueStatus = pgEnum('billing_issue_status', ['open', 'closed']);

/**
 * A billing problem on a customer's account. Exists because SIMPLer deleteCustomer refuses
 * accounts with billing issues attached (rule 7); the restrict below enforces that.
 */
export const billingIssues = pgTable(
  'billing_issues',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    title: text().notNull(),
    description: text(),
    status: billingIssueStatus().notNull().default('open'),
    createdAt: createdAt(),
    closedAt: timestamptz(),
  },
  (t) => [
    index('billing_issues_operator_status_idx').on(t.operatorId, t.status),
    index('billing_issues_customer_idx').on(t.customerId),
    check('billing_issues_closed_check', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
  ],
);
