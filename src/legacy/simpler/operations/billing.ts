/**
 * SIMPLer OperatorAPI operations: billing. (Entries are being added.)
 */
import { operation, type LegacyOperation } from '../../catalog/operation';

export const billingOperations: LegacyOperation[] = [];

void operation;
