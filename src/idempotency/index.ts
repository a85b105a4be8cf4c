/**
 * Idempotency keys: retries never pay twice. A money mutation (invoicePay, invoicesGenerate,
 * paymentCollectionCollect/Approve, paymentRefund, resellerWalletAdjust, and the legacy operations that run
 * the same services) may carry a caller-chosen key. The service runs its write through
 * `writeOnce` (write-once.ts), which, in the SAME transaction as the write, first claims the
 * key in `idempotency_keys` (unique per operator), so concurrent retries queue on that row: the
 * first writes and stores what its result was made of (row ids); the others, once it commits,
 * find the stored result and rebuild it, writing nothing. The same key with other input, or on
 * another operation, is a CONFLICT. A refused call (a domain error) rolls back, key included,
 * so nothing is stored and the caller may retry with corrected input under the same key. Keys
 * are kept at least 24 hours (Stripe's promise); after 48 the worker forgets them (expiry.ts)
 * and a key that old is treated as new even before the sweep. This file gathers the table for
 * the schema.
 */
export * from './idempotency-key.table';
