/**
 * Which statements the `postgres` driver sends as named prepared statements. drizzle asks for
 * one only through its `.prepare()` API, so every other statement was parsed and planned anew
 * on each call: for SIMPLer searchCustomer that was about 1 ms of its 1.5 ms of PostgreSQL time
 * (the credential check alone plans for 0.4 ms and runs in 0.05). A statement is prepared when
 * it has parameters (migrations' DDL has none) and its text does not grow with the data: lists
 * of parameters such as `in ($1, $2, …)` or multi-row `values (…), (…)` give a new text per
 * length, and the driver keeps every prepared text for the connection's life (30 minutes, see
 * POOL_OPTIONS), so those stay unnamed. Everything else is a fixed set of texts written in the
 * code, a few hundred at most per connection. PostgreSQL then reuses the plan (a generic one
 * after five custom plans, when it is not worse), as for the compiled read path's statements.
 */

/** Two parameters side by side in parentheses (`($1, $2`, `($1::int, $2::timestamptz`): a list whose length varies. */
const PARAMETER_LIST = /\(\s*\$\d+(?:::[\w ]+(?:\[\])?)?\s*,\s*\$\d+/;

export function shouldPrepare(text: string, params: readonly unknown[] | undefined): boolean {
  return (params?.length ?? 0) > 0 && !PARAMETER_LIST.test(text);
}
