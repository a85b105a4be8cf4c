/**
 * `writeOnce`: a service's money transaction, made safe to retry under an idempotency key.
 * See index.ts for the guarantees.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import type { ServiceContext } from '../shared/context';
import { ConflictError, Validation } from '../shared/errors';
import { fingerprint } from './fingerprint';
import { idempotencyKeys } from './idempotency-key.table';

/** A key older than this is forgotten: the sweep deletes it and a new call may reuse it. */
export const KEY_RETENTION_HOURS = 48;

const MAX_KEY_LENGTH = 255;
const PRINTABLE = /^[\x20-\x7e]+$/;

/** Checks an optional key (1–255 printable ASCII characters, no surrounding spaces) as part of a service's validation. */
export function checkIdempotencyKey(key: string | null | undefined, v: Validation, field = 'idempotencyKey'): void {
  if (key == null) return;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) v.add(field, `idempotency key must be 1 to ${MAX_KEY_LENGTH} characters long`);
  else if (!PRINTABLE.test(key) || key.trim() !== key) v.add(field, 'idempotency key must be printable ASCII without leading or trailing spaces');
}

/** JSON the database stores as jsonb. */
export type StoredResult = Record<string, number | number[] | string | null>;

export interface OnceSpec<T> {
  /** The service operation, e.g. `invoice.pay`; a key replays only on the operation it was first used for. */
  operation: string;
  key: string | null | undefined;
  /** The input the key stands for, the key itself left out. */
  input: unknown;
  /** What the result is made of (row ids), stored with the key. */
  remember(result: T): StoredResult;
  /** Rebuilds the result from what `remember` stored: the same rows, read as they are now. */
  recall(tx: Transaction, stored: StoredResult): Promise<T>;
}

/**
 * Runs `write` in one transaction. With a key, the key is claimed first in that transaction:
 * a retry that finds it (waiting for the first call's commit if that is still running) gets the
 * first result back and writes nothing. Without a key, it is just the transaction.
 */
export async function writeOnce<T>(ctx: ServiceContext, spec: OnceSpec<T>, write: (tx: Transaction) => Promise<T>): Promise<T> {
  if (spec.key == null) return ctx.db.transaction(write);
  const v = new Validation();
  checkIdempotencyKey(spec.key, v);
  v.throwIfAny();

  const operatorId = ctx.actor.operatorId;
  const key = spec.key;
  const print = fingerprint(spec.input);
  return ctx.db.transaction(async (tx) => {
    // Claim the key: insert it, or take over a row past retention. A concurrent claim of the same
    // key blocks here until the other transaction ends; if it committed, nothing is returned.
    const [claimed] = await tx
      .insert(idempotencyKeys)
      .values({ operatorId, key, operation: spec.operation, fingerprint: print })
      .onConflictDoUpdate({
        target: [idempotencyKeys.operatorId, idempotencyKeys.key],
        set: { operation: spec.operation, fingerprint: print, result: null, createdAt: sql`now()` },
        setWhere: sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${KEY_RETENTION_HOURS}::int)`,
      })
      .returning({ id: idempotencyKeys.id });

    if (!claimed) {
      const [used] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.operatorId, operatorId), eq(idempotencyKeys.key, key)));
      if (!used?.result) throw new Error(`idempotency key row of operator ${operatorId} is missing or has no result`);
      if (used.operation !== spec.operation) {
        throw new ConflictError(`idempotency key "${key}" was already used for another operation (${used.operation})`, ['idempotencyKey']);
      }
      if (used.fingerprint !== print) throw new ConflictError(`idempotency key "${key}" was already used with different input`, ['idempotencyKey']);
      return spec.recall(tx, used.result as StoredResult);
    }

    const result = await write(tx);
    await tx.update(idempotencyKeys).set({ result: spec.remember(result) }).where(eq(idempotencyKeys.id, claimed.id));
    return result;
  });
}
