/**
 * SIMPLer OperatorAPI operations: customers. (Entries are being added.)
 */
import { operation, type LegacyOperation } from '../../catalog/operation';

export const customerOperations: LegacyOperation[] = [];

void operation;
