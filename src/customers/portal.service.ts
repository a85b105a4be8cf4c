/**
 * End-user-portal (EUP) logins: checking a login (SIMPLer checkEUPLogin), setting the password
 * and recovering it (Jaze E38 recover_password). The portal username is `portalUsername`, or
 * the invoicing id when none is set (SIMPLer: "if not used customer invoicing ID will be used
 * as EUP login"). Passwords are stored only as scrypt hashes. Login checks run under the login
 * throttle, per portal username and caller address (src/throttle).
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import { throttledLogin } from '../throttle';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { ConflictError, DomainError, NotFoundError, Validation } from '../shared/errors';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../shared/secrets';
import * as messageService from '../support/message.service';
import { EMAIL_PATTERN } from './customer.rules';
import { customers } from './customer.table';
import { getById, type CustomerRow } from './customer.service';
import { authorize } from '../tenancy/permissions';

export const MIN_PORTAL_PASSWORD = 4;
export const MAX_PORTAL_PASSWORD = 128;
const INVALID_LOGIN = 'invalid username/password';

function invalidLogin(): never {
  throw new DomainError('INVALID', INVALID_LOGIN, [{ field: [], message: INVALID_LOGIN, code: 'INVALID' }]);
}

/**
 * The customer id of a valid portal login; otherwise INVALID "invalid username/password" for an
 * unknown username, a wrong password or an account without one alike (the same work is done in
 * each case, so neither the answer nor its timing says whether the username exists).
 * A username that keeps failing from the caller's address is refused with TooManyAttemptsError
 * before its password is checked. The caller is the operator's portal server, whose address
 * is that of all its end users, so failures count per username only, not against the address.
 */
export async function checkLogin(ctx: ServiceContext, input: { username: string; password: string; clientIp: string }): Promise<number> {
  authorize(ctx.actor, 'customers.write');
  return throttledLogin(
    { kind: 'portal', identifier: `${ctx.actor.operatorId}\u0000${input.username ?? ''}`, clientIp: input.clientIp, chargeAddress: false },
    () => verifyLogin(ctx, input),
    (error) => error instanceof DomainError && error.message === INVALID_LOGIN,
  );
}

async function verifyLogin(ctx: ServiceContext, input: { username: string; password: string }): Promise<number> {
  const username = input.username ?? '';
  const password = input.password ?? '';
  const rows = username
    ? await ctx.db
        .select({ id: customers.id, portalUsername: customers.portalUsername, hash: customers.portalPasswordHash })
        .from(customers)
        .where(
          and(
            eq(customers.operatorId, ctx.actor.operatorId),
            or(eq(customers.portalUsername, username), and(isNull(customers.portalUsername), eq(customers.invoicingId, username))),
          ),
        )
    : [];
  // A portal username outranks another customer's invoicing id that happens to be equal.
  const match = rows.find((r) => r.portalUsername === username) ?? rows[0];
  const stored = match?.hash ?? (await decoyPasswordHash());
  const valid = await verifyPassword(password, stored);
  if (!match?.hash || !valid || !password) invalidLogin();
  return match.id;
}

function checkPassword(password: string | null | undefined, v: Validation, field = 'password'): void {
  if (!password) v.add(field, 'password is required');
  else if (password.length < MIN_PORTAL_PASSWORD) v.add(field, `portal password must have at least ${MIN_PORTAL_PASSWORD} characters`);
  else if (password.length > MAX_PORTAL_PASSWORD) v.add(field, `portal password must have at most ${MAX_PORTAL_PASSWORD} characters`);
}

async function storePassword(ctx: ServiceContext, customerId: number, password: string, action: string): Promise<CustomerRow> {
  const hash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(customers)
      .set({ portalPasswordHash: hash, updatedAt: sql`now()` })
      .where(and(eq(customers.operatorId, ctx.actor.operatorId), eq(customers.id, customerId)))
      .returning();
    if (!row) throw new NotFoundError('customer', customerId, ['customerId']);
    await audit(tx, ctx.actor, action, 'customer', customerId, { portalPassword: 'changed' });
    return row;
  });
}

/** Sets a customer's portal password. */
export async function setPassword(ctx: ServiceContext, customerId: number, password: string): Promise<CustomerRow> {
  authorize(ctx.actor, 'customers.write');
  await getById(ctx, customerId);
  const v = new Validation();
  checkPassword(password, v);
  v.throwIfAny();
  return storePassword(ctx, customerId, password, 'customer.portalPassword.set');
}

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password without look-alike characters (no 0/O, 1/l/I). */
export function randomPortalPassword(length = 10): string {
  let out = '';
  for (let i = 0; i < length; i++) out += PASSWORD_ALPHABET[randomInt(0, PASSWORD_ALPHABET.length)];
  return out;
}

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/**
 * Jaze E38: finds the one customer with the given phone (digits compared, so "+353 86…" and
 * "35386…" match) or e-mail (any case), gives it a new random portal password and sends the
 * credentials by SMS (phone) or e-mail (email). Jaze sends the stored password; we cannot: only
 * its hash is stored, so recovery necessarily replaces it. The password is changed before it is
 * sent; a failed delivery shows in the returned message's status (and the staff can retry).
 */
export async function recoverPassword(
  ctx: ServiceContext,
  input: { phone?: string | null; email?: string | null },
): Promise<{ customer: CustomerRow; message: messageService.MessageRow }> {
  authorize(ctx.actor, 'customers.write');
  const phone = input.phone?.trim() || null;
  const email = input.email?.trim() || null;
  const v = new Validation();
  if ((phone == null) === (email == null)) v.add([], 'give either a phone number or an e-mail address, not both');
  if (phone != null && digitsOf(phone).length < 5) v.add('phone', `"${phone}" is not a phone number`);
  if (email != null && !EMAIL_PATTERN.test(email)) v.add('email', `"${email}" is not an e-mail address`);
  v.throwIfAny();

  const field = phone != null ? 'phone' : 'email';
  const matches = await ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.operatorId, ctx.actor.operatorId),
        phone != null ? sql`regexp_replace(coalesce(${customers.phone}, ''), '[^0-9]', '', 'g') = ${digitsOf(phone)}` : sql`lower(${customers.email}) = lower(${email})`,
      ),
    )
    .orderBy(customers.id)
    .limit(2);
  const what = phone != null ? `phone number ${phone}` : `e-mail address ${email}`;
  if (matches.length === 0) throw new DomainError('NOT_FOUND', `no customer has the ${what}`, [{ field: [field], message: `no customer has the ${what}`, code: 'NOT_FOUND' }]);
  if (matches.length > 1) throw new ConflictError(`more than one customer has the ${what}; set the password of the right customer instead`, [field]);

  const password = randomPortalPassword();
  const customer = await storePassword(ctx, matches[0]!.id, password, 'customer.portalPassword.recover');
  const message = await messageService.sendPasswordRecovery(ctx, customer, phone != null ? 'sms' : 'email', password);
  return { customer, message };
}
