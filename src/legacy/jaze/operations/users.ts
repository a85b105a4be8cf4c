/**
 * Jaze API v1 endpoints: users. (Entries are being added.)
 */
import type { LegacyOperation } from '../../catalog/operation';

export const jazeUserOperations: LegacyOperation[] = [];
