-- The customer status filter ignores case: `lower(status) = lower($1)`. Without statistics on
-- lower(status) PostgreSQL guesses that 0.5 % of the rows match, and for the overview read
-- (current customers by name) it then sorts every match instead of walking the name index.
-- ILIKE avoided that guess but cannot be planned once for every value: a prepared statement
-- with an ILIKE parameter was planned anew on every execution. With these statistics the
-- equality is estimated from the data, and one plan serves every status.
CREATE STATISTICS IF NOT EXISTS "customers_lower_status_stats" ON (lower("status")) FROM "customers";
--> statement-breakpoint
ANALYZE "customers";
