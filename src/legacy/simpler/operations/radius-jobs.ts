/**
 * SIMPLer OperatorAPI operations: radius-jobs. (Entries are being added.)
 */
import { operation, type LegacyOperation } from '../../catalog/operation';

export const radiusAndJobOperations: LegacyOperation[] = [];

void operation;
