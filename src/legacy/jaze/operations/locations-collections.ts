/**
 * Jaze API v1 endpoints: locations-collections. (Entries are being added.)
 */
import type { LegacyOperation } from '../../catalog/operation';

export const jazeLocationCollectionOperations: LegacyOperation[] = [];
