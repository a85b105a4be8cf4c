/**
 * A customer is online while one of its RADIUS accounting sessions is open (no stop time yet):
 * the one SQL form of that rule, over a `customers` row, for the graph's `Customer.online` and
 * its filter, the plan subscriber counts and Jaze's subscriber summary.
 */
import { sql, type SQL } from 'drizzle-orm';
import { customers } from '../customers/customer.table';
import { radacct } from './radacct.table';

export function customerOnlineSql(): SQL<boolean> {
  // Nested once: drizzle would print a single-table select's top-level columns unqualified.
  return sql<boolean>`${sql`exists (select 1 from ${radacct} where ${radacct.customerId} = ${customers.id} and ${radacct.operatorId} = ${customers.operatorId} and ${radacct.acctstoptime} is null)`}`;
}
