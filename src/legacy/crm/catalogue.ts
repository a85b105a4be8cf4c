/**
 * The CRM dialect's operations, in the shared catalogue form. (Entries are being added.)
 */
import type { LegacyOperation } from '../catalog/operation';

export const CRM_OPERATIONS: readonly LegacyOperation[] = [];
