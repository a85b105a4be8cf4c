/**
 * Jaze API v1 endpoints: network-messages. (Entries are being added.)
 */
import type { LegacyOperation } from '../../catalog/operation';

export const jazeNetworkMessageOperations: LegacyOperation[] = [];
