/**
 * The whole relational model, gathered from the domain folders. drizzle-kit reads this file to
 * generate migrations; the database client is typed with it.
 */
export * from '../tenancy/index';
export * from '../customers/index';
export * from '../catalog/index';
export * from '../billing/index';
export * from '../resellers/index';
export * from '../network/index';
export * from '../radius/index';
export * from '../locations/index';
export * from '../support/index';
export * from '../idempotency/index';
export * from '../sync/index';
