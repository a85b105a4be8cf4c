/**
 * The operator's Kolmisoft M4 settings (admins only): the API secret requests are signed with,
 * and M4's "Allow API globally" (`apiEnabled`, which SIMPLer credentials also obey) and "Allow
 * GET API" switches. The secret is write-only: it is stored readable because M4's signature
 * needs it (operators.m4ApiSecret), but no surface ever returns it — results say only whether
 * one is set, except the one generated here, returned once to whoever asked for it.
 */
import { eq } from 'drizzle-orm';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { newM4Secret } from './credential-secrets';
import { operators } from './operator.table';
import { authorize } from './permissions';

export interface M4Settings {
  secretSet: boolean;
  apiEnabled: boolean;
  apiGetEnabled: boolean;
}

export interface M4SettingsUpdateInput {
  /** A new secret; null clears it (M4 requests are then refused); absent leaves it. */
  secret?: string | null;
  /** Draw a random secret instead, returned once. */
  generateSecret?: boolean | null;
  apiEnabled?: boolean | null;
  apiGetEnabled?: boolean | null;
}

/** Printable ASCII without spaces, long enough not to be guessed from signatures. */
const SECRET_PATTERN = /^[\x21-\x7e]{16,256}$/;

export async function get(ctx: ServiceContext): Promise<M4Settings> {
  authorize(ctx.actor, 'admin');
  const [row] = await ctx.db
    .select({ secret: operators.m4ApiSecret, apiEnabled: operators.apiEnabled, apiGetEnabled: operators.apiGetEnabled })
    .from(operators)
    .where(eq(operators.id, ctx.actor.operatorId));
  if (!row) throw new NotFoundError('operator', ctx.actor.operatorId);
  return { secretSet: row.secret != null, apiEnabled: row.apiEnabled, apiGetEnabled: row.apiGetEnabled };
}

export async function update(ctx: ServiceContext, input: M4SettingsUpdateInput): Promise<{ settings: M4Settings; generatedSecret: string | null }> {
  authorize(ctx.actor, 'admin');
  const v = new Validation();
  if (input.generateSecret && input.secret !== undefined) v.add('secret', 'give a secret or generateSecret, not both');
  else if (input.secret != null && !SECRET_PATTERN.test(input.secret)) v.add('secret', 'secret must be 16-256 printable ASCII characters without spaces');
  v.throwIfAny();
  const generatedSecret = input.generateSecret ? newM4Secret() : null;
  const secret = generatedSecret ?? input.secret;
  const set = {
    m4ApiSecret: secret,
    apiEnabled: input.apiEnabled ?? undefined,
    apiGetEnabled: input.apiGetEnabled ?? undefined,
  };
  await ctx.db.transaction(async (tx) => {
    const changes = Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length === 0) return;
    const [row] = await tx.update(operators).set(changes).where(eq(operators.id, ctx.actor.operatorId)).returning({ id: operators.id });
    if (!row) throw new NotFoundError('operator', ctx.actor.operatorId);
    await audit(tx, ctx.actor, 'operator.m4Settings', 'operator', ctx.actor.operatorId, {
      // The audit says what happened to the secret, never the secret.
      m4Credential: secret === undefined ? undefined : secret === null ? 'cleared' : 'set',
      apiEnabled: set.apiEnabled,
      apiGetEnabled: set.apiGetEnabled,
    });
  });
  return { settings: await get(ctx), generatedSecret };
}
