/** Writes the audit entry of a change, inside the transaction that makes the change. */
import { auditLog } from '../tenancy/audit-log.table';
import type { Executor } from '../db/client';
import type { Actor } from './context';

const SECRET_FIELDS = /password|secret|token|apikey|api_key|cardnumber|accountnumber|iban/i;

/** Drops secrets and undefined values, so the audit log never holds a credential. */
export function auditableChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    out[key] = SECRET_FIELDS.test(key) ? '[redacted]' : value;
  }
  return out;
}

export async function audit(
  db: Executor,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: number | null,
  changes?: Record<string, unknown>,
): Promise<void> {
  await db.insert(auditLog).values({
    operatorId: actor.operatorId,
    staffUserId: actor.staffUserId,
    surface: actor.surface,
    action,
    entityType,
    entityId,
    changes: changes ? auditableChanges(changes) : null,
    requestId: actor.requestId ?? null,
    credential: actor.credential ? `${actor.credential.kind}:${actor.credential.id}` : null,
  });
}
