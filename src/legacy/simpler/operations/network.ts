/**
 * SIMPLer OperatorAPI operations: network. (Entries are being added.)
 */
import { operation, type LegacyOperation } from '../../catalog/operation';

export const networkOperations: LegacyOperation[] = [];

void operation;
