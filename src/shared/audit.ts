/** Writes the audit entry of a change, inside the transaction that makes the change. */
import { auditLog } from '../tenancy/audit-log.table';
import type { Executor } from '../db/client';
import type { Actor } from './context';

/**
 * Field names whose values are never recorded: credentials, and payment details a card or bank
 * form may carry (the services keep only tokens and last four digits, but an input echoed into
 * the changes could still hold them).
 */
const SECRET_FIELDS = /password|secret|token|apikey|api_key|cardnumber|card_number|accountnumber|account_number|iban|cvv|cvc|^otp$/i;

/**
 * Drops secrets (at any depth: custom-table values, contact lists) and undefined values, so the
 * audit log never holds a credential. A secret field's presence is kept: the trail still says
 * it was set.
 */
export function auditableChanges(changes: Record<string, unknown>): Record<string, unknown> {
  return redact(changes) as Record<string, unknown>;
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    out[key] = SECRET_FIELDS.test(key) ? '[redacted]' : redact(inner);
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
