/** Rows to GraphQL objects: Node fields added, nothing else changes (enum values are DB values). */
import { asNode } from '../graphql/node';
import type { BandwidthTemplateRow } from './bandwidth-template.service';
import type { BandwidthTemplate } from './bandwidth-template.types';
import type { PlanRow, SubPlanRow } from './plan.service';
import type { Plan, SubPlan } from './plan.types';
import type { TaxZoneRow } from './tax-zone.service';
import type { TaxZone } from './tax-zone.types';

export const toPlan = (row: PlanRow): Plan => asNode('Plan', row) as unknown as Plan;
export const toSubPlan = (row: SubPlanRow): SubPlan => asNode('SubPlan', row) as unknown as SubPlan;
export const toBandwidthTemplate = (row: BandwidthTemplateRow): BandwidthTemplate => asNode('BandwidthTemplate', row) as unknown as BandwidthTemplate;
export const toTaxZone = (row: TaxZoneRow): TaxZone => asNode('TaxZone', row) as unknown as TaxZone;
