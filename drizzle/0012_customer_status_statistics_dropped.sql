-- The customer status filter no longer compares lower(status) (see hasStatusIgnoringCase in
-- customer.service.ts): it matches the operator's statuses by plain equality, which the
-- column's own statistics estimate. The statistics on lower(status) only cost ANALYZE time.
DROP STATISTICS IF EXISTS "customers_lower_status_stats";
