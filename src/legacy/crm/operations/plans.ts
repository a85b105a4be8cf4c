/**
 * CRM plan API (document 001): plan/list and plan/subplan_list over the one plan catalogue
 * and its price points. Thin adapters: wire words to service filters, rows to CRM records.
 */
import * as planService from '../../../catalog/plan.service';
import type { PlanRow, SubPlanRow } from '../../../catalog/plan.service';
import { operation, type LegacyOperation, type OperationContext } from '../../catalog/operation';
import type { Args } from '../../catalog/args';
import { answerList, comparisonArg, crmDateTime, listParams, readListRequest, YES_NO, yesNo, yesNoArg } from '../filters';

const PROTOCOLS = { PPPoE: 'pppoe', IPoE: 'ipoe', LeasedLine: 'leased_line' } as const;
const CONNECTIVITIES = { Wireless: 'wireless', Fibre: 'fibre', Hotspot: 'hotspot' } as const;
const PERIOD_UNITS = { Day: 'day', Month: 'month', Year: 'year' } as const;

/** Wire word → stored value, and back for replies. */
function wireWord<T extends Record<string, string>>(words: T, stored: string | null): keyof T | null {
  if (stored == null) return null;
  return (Object.keys(words) as (keyof T)[]).find((key) => words[key] === stored) ?? null;
}

function storedValue<T extends Record<string, string>>(words: T, args: Args, param: string): T[keyof T] | undefined {
  const word = args.text(param);
  return word ? words[word as keyof T] : undefined;
}

export const PLAN_SORT_FIELDS = ['id', 'name', 'protocol', 'connectivity', 'lc', 'slc', 'limit1_gb', 'bw1_dl', 'bw1_ul'] as const;
export const SUB_PLAN_SORT_FIELDS = ['id', 'name', 'planid', 'units', 'price'] as const;

function planRecord(ctx: OperationContext, row: PlanRow) {
  return {
    id: row.id,
    ispid: ctx.actor.operatorId,
    resellerid: row.resellerId,
    name: row.name,
    description: row.description,
    protocol: wireWord(PROTOCOLS, row.protocol),
    connectivity: wireWord(CONNECTIVITIES, row.connectivity),
    plan_period: row.period,
    plan_period_unit: wireWord(PERIOD_UNITS, row.periodUnit),
    location_code: row.locationCode,
    sub_location_code: row.subLocationCode,
    enabled: yesNo(row.enabled),
    data_carryover: yesNo(row.dataCarryover),
    hide_bw_limit: yesNo(row.hideBandwidthLimit),
    limit1_gb: row.limit1Gb,
    bw1_dl: row.bw1DownloadKbps,
    bw1_ul: row.bw1UploadKbps,
    bw2_dl: row.bw2DownloadKbps,
    bw2_ul: row.bw2UploadKbps,
    created: crmDateTime(row.createdAt),
  };
}

function subPlanRecord(ctx: OperationContext, row: SubPlanRow) {
  return {
    id: row.id,
    ispid: ctx.actor.operatorId,
    planid: row.planId,
    name: row.name,
    units: row.units,
    price: row.price,
    portal: yesNo(row.portal),
    enabled: yesNo(row.enabled),
    created: crmDateTime(row.createdAt),
  };
}

const SHAPE_NOTE =
  'Records carry the filter names as keys (Y/N flags, PPPoE/IPoE/LeasedLine etc. as in the document); amounts are decimal strings, ' +
  'kept exact. Comparison filters accept <, <=, ≤, >, >=, ≥, = or a bare number (=); anything else is an error. ' +
  '`rows_limit` above 100 is an error, not silently capped. `created_from`/`created_upto` are whole days in the ISP\'s time zone.';

export const crmPlanOperations: LegacyOperation[] = [
  operation({
    name: 'plan/list',
    access: 'read',
    summary: 'Lists the ISP\'s plans (services of the one catalogue), filtered, sorted and paged, or counts them.',
    routes: [{ method: 'POST', path: '/api/plan/list' }],
    params: [
      { name: 'ispid', kind: 'integer', doc: 'ISP ID' },
      { name: 'resellerid', kind: 'integer', doc: 'Reseller ID' },
      { name: 'planid', kind: 'integer', doc: 'Plan ID' },
      { name: 'name', kind: 'text', doc: 'Plan Name. Partial text accepted' },
      { name: 'protocol', kind: 'text', values: Object.keys(PROTOCOLS), doc: 'Protocol' },
      { name: 'connectivity', kind: 'text', values: Object.keys(CONNECTIVITIES), doc: 'Connectivity' },
      { name: 'plan_period', kind: 'integer', doc: 'Plan Period. Numerical value only.' },
      { name: 'plan_period_unit', kind: 'text', values: Object.keys(PERIOD_UNITS), doc: 'Plan Period Unit' },
      { name: 'location_code', kind: 'text', doc: 'Location code' },
      { name: 'sub_location_code', kind: 'text', doc: 'Sub location code' },
      { name: 'enabled', kind: 'text', values: YES_NO, doc: 'Is Enabled?' },
      { name: 'data_carryover', kind: 'text', values: YES_NO, doc: 'Is Data Carry over?' },
      { name: 'hide_bw_limit', kind: 'text', values: YES_NO, doc: 'Is Bandwidth limit is disabled?' },
      { name: 'limit1_gb', kind: 'text', doc: 'Usage Limit (in GB) on BW Level 1; comparison operators like <50, ≤10, ≥80, =100' },
      { name: 'created_from', kind: 'isoDate', doc: 'Created from date in yyyy-mm-dd format' },
      { name: 'created_upto', kind: 'isoDate', doc: 'Created upto date in yyyy-mm-dd format' },
      ...listParams(PLAN_SORT_FIELDS),
    ],
    returns: '{ "result": [ { id, ispid, resellerid, name, protocol, connectivity, plan_period, plan_period_unit, location_code, sub_location_code, enabled, data_carryover, hide_bw_limit, limit1_gb, bw1_dl, bw1_ul, bw2_dl, bw2_ul, created }, … ] | <count>, "error": null }',
    graphql: 'query plans(filter:, orderBy:) { totalCount nodes { … } }',
    notes: `Only plans of kind service are CRM plans (fees and hardware are SIMPLer products). ${SHAPE_NOTE}`,
    async run(ctx, args) {
      const request = readListRequest<planService.PlanListOrderField>(args, 'id');
      const filter: planService.PlanListFilter = {
        id: args.int('planid'),
        resellerId: args.int('resellerid'),
        name: args.text('name'),
        protocol: storedValue(PROTOCOLS, args, 'protocol'),
        connectivity: storedValue(CONNECTIVITIES, args, 'connectivity'),
        period: args.int('plan_period'),
        periodUnit: storedValue(PERIOD_UNITS, args, 'plan_period_unit'),
        locationCode: args.text('location_code') || undefined,
        subLocationCode: args.text('sub_location_code') || undefined,
        enabled: yesNoArg(args, 'enabled'),
        dataCarryover: yesNoArg(args, 'data_carryover'),
        hideBandwidthLimit: yesNoArg(args, 'hide_bw_limit'),
        limit1Gb: comparisonArg(args, 'limit1_gb'),
        createdFromDay: args.text('created_from'),
        createdUptoDay: args.text('created_upto'),
      };
      return answerList(
        ctx,
        args,
        request,
        () => planService.listPlansByOffset(ctx, filter, request.order, request.window),
        () => planService.countPlans(ctx, filter),
        (row) => planRecord(ctx, row),
      );
    },
  }),
  operation({
    name: 'plan/subplan_list',
    access: 'read',
    summary: 'Lists the price points (sub-plans) of the ISP\'s plans, filtered, sorted and paged, or counts them.',
    routes: [
      { method: 'POST', path: '/api/plan/subplan_list' },
      { method: 'POST', path: '/api/plan/subplan' },
    ],
    params: [
      { name: 'ispid', kind: 'integer', doc: 'ISP ID' },
      { name: 'resellerid', kind: 'integer', doc: 'Reseller ID (of the plan)' },
      { name: 'planid', kind: 'integer', doc: 'Plan ID' },
      { name: 'subplanid', kind: 'integer', doc: 'Sub Plan ID' },
      { name: 'name', kind: 'text', doc: 'Sub Plan Name. Partial text accepted' },
      { name: 'portal', kind: 'text', values: YES_NO, doc: 'Publish to Web Portal?' },
      { name: 'price', kind: 'text', doc: 'Plan Price; comparison operators like <50, ≤10, ≥80, =100' },
      { name: 'created_from', kind: 'isoDate', doc: 'Created from date in yyyy-mm-dd format' },
      { name: 'created_upto', kind: 'isoDate', doc: 'Created upto date in yyyy-mm-dd format' },
      ...listParams(SUB_PLAN_SORT_FIELDS),
    ],
    returns: '{ "result": [ { id, ispid, planid, name, units, price, portal, enabled, created }, … ] | <count>, "error": null }',
    graphql: 'query plans { nodes { subPlans { … } } }',
    notes:
      'Also answers at `POST /api/plan/subplan`, the path the document\'s own curl example posts to. ' +
      `\`resellerid\` selects the price points of plans that reseller sells. ${SHAPE_NOTE}`,
    async run(ctx, args) {
      const request = readListRequest<planService.SubPlanListOrderField>(args, 'id');
      const filter: planService.SubPlanListFilter = {
        id: args.int('subplanid'),
        planId: args.int('planid'),
        resellerId: args.int('resellerid'),
        name: args.text('name'),
        portal: yesNoArg(args, 'portal'),
        price: comparisonArg(args, 'price'),
        createdFromDay: args.text('created_from'),
        createdUptoDay: args.text('created_upto'),
      };
      return answerList(
        ctx,
        args,
        request,
        () => planService.listSubPlansByOffset(ctx, filter, request.order, request.window),
        () => planService.countSubPlans(ctx, filter),
        (row) => subPlanRecord(ctx, row),
      );
    },
  }),
];
