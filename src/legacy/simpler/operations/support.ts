/**
 * SIMPLer OperatorAPI operations: support. (Entries are being added.)
 */
import { operation, type LegacyOperation } from '../../catalog/operation';

export const supportOperations: LegacyOperation[] = [];

void operation;
