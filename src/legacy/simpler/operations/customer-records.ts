/**
 * SIMPLer OperatorAPI operations: customer-records. (Entries are being added.)
 */
import { operation, type LegacyOperation } from '../../catalog/operation';

export const customerRecordOperations: LegacyOperation[] = [];

void operation;
