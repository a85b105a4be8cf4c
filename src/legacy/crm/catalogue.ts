/**
 * The ISP CRM dialect's operations (documents 001 plan API and 002 reseller API), in the shared
 * catalogue form, so they share argument validation and the compatibility table.
 */
import type { LegacyOperation } from '../catalog/operation';
import { crmPlanOperations } from './operations/plans';
import { crmResellerOperations } from './operations/resellers';

export const CRM_OPERATIONS: readonly LegacyOperation[] = [...crmPlanOperations, ...crmResellerOperations];
