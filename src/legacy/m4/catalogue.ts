/**
 * The M4 dialect's operations, in the shared catalogue form. (Entries are being added.)
 */
import type { LegacyOperation } from '../catalog/operation';

export const M4_OPERATIONS: readonly LegacyOperation[] = [];
