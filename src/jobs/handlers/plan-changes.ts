/** `apply_plan_changes`: applies the operator's plan changes that have come due. */
import { applyDue } from '../../billing/plan-change.service';
import { onlyKeys, type JobKind } from '../job-kind';

export const applyPlanChanges: JobKind<{ asOf: string | null }> = {
  kind: 'apply_plan_changes',
  permission: 'customers.write',
  async validate(_ctx, params, v) {
    onlyKeys(params, ['asOf'], v);
    const raw = params.asOf;
    if (raw == null || raw === '') return { asOf: null };
    const date = raw instanceof Date ? raw : typeof raw === 'string' ? new Date(raw) : null;
    if (!date || Number.isNaN(date.getTime())) {
      v.add('asOf', 'asOf must be a date and time');
      return { asOf: null };
    }
    return { asOf: date.toISOString() };
  },
  async run(ctx, params) {
    const asOf = params.asOf ? new Date(params.asOf) : new Date();
    const applied = await applyDue(ctx, asOf);
    return { asOf: asOf.toISOString(), applied: applied.map((c) => ({ planChangeId: c.id, customerId: c.customerId, toPlanId: c.toPlanId })) };
  },
};
