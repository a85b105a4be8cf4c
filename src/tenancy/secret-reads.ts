/**
 * Reading a stored secret in clear: RADIUS passwords (PAP/CHAP need the clear text, so they are
 * stored so) and SNMP communities. Every surface masks them unless the caller asks for them and
 * its role has `secrets.read`; each read in clear is then written to the audit trail, naming
 * what was read but never the value. One rule for GraphQL and the legacy reads alike.
 */
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import type { Actor } from '../shared/context';
import { authorize, can } from './permissions';

/** RADIUS attributes whose value is a secret (Cleartext-Password, NT-Password, Tunnel-Password, …). */
export function isSecretRadiusAttribute(attribute: string | null): boolean {
  return attribute !== null && /password|secret/i.test(attribute);
}

/** Refuses (ForbiddenError) a role without `secrets.read`; call before reading any secret. */
export function authorizeSecretRead(ctx: ServiceContext): void {
  authorize(ctx.actor, 'secrets.read');
}

/** Records that `what` (field or attribute names) of one entity was served in clear. */
export async function recordSecretRead(ctx: ServiceContext, entityType: string, entityId: number, what: readonly string[]): Promise<void> {
  authorizeSecretRead(ctx);
  await audit(ctx.db, ctx.actor, 'secret.read', entityType, entityId, { read: [...new Set(what)].sort() });
}

/** Whether the caller's role may see secrets in clear (reads that list them mask them otherwise). */
export function canReadSecrets(actor: Actor): boolean {
  return can(actor.role, 'secrets.read');
}

/**
 * Records one read in clear of secrets across a list (a legacy read returning many logins): one
 * audit event naming the entities and what was read, so listing an operator's logins is one
 * row of the trail, not thousands.
 */
export async function recordSecretListRead(ctx: ServiceContext, entityType: string, entityIds: readonly number[], what: readonly string[]): Promise<void> {
  authorizeSecretRead(ctx);
  if (entityIds.length === 0) return;
  await audit(ctx.db, ctx.actor, 'secret.read', entityType, entityIds.length === 1 ? entityIds[0]! : null, {
    read: [...new Set(what)].sort(),
    ids: [...new Set(entityIds)].sort((a, b) => a - b),
  });
}
