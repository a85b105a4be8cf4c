/**
 * The SIMPLer OperatorAPI: all 72 documented operations, grouped by domain area. Everything
 * the SOAP and REST surfaces (dispatch, WSDL, routes, docs) know about an operation comes from here.
 */
import type { LegacyOperation } from '../catalog/operation';
import { AUTH_PARAMS } from './invoke';
import { billingOperations } from './operations/billing';
import { customerRecordOperations } from './operations/customer-records';
import { customerOperations } from './operations/customers';
import { networkOperations } from './operations/network';
import { radiusAndJobOperations } from './operations/radius-jobs';
import { supportOperations } from './operations/support';
import { systemOperations } from './operations/system';

export const SIMPLER_OPERATIONS: readonly LegacyOperation[] = [
  ...systemOperations,
  ...customerOperations,
  ...customerRecordOperations,
  ...billingOperations,
  ...networkOperations,
  ...supportOperations,
  ...radiusAndJobOperations,
];

const byName = new Map<string, LegacyOperation>();
for (const op of SIMPLER_OPERATIONS) {
  if (byName.has(op.name.toLowerCase())) throw new Error(`SIMPLer operation ${op.name} is declared twice`);
  byName.set(op.name.toLowerCase(), op);
}

export function findSimplerOperation(name: string): LegacyOperation | undefined {
  return byName.get(name.toLowerCase());
}

/**
 * The order positional arguments (SOAP::Lite's `c-gensymN`, `paramN`) are assigned in: the
 * operation's documented parameter list, authentication parameters first as the document lists them.
 */
export function positionalOrder(op: LegacyOperation): string[] {
  return [...(op.authParams ?? AUTH_PARAMS), ...op.params.map((p) => p.name)];
}
