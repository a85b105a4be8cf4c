/**
 * `sync_customer_attachments` / `sync_maintenance_attachments` (SIMPLer
 * synchronizeCustomerAttachments / synchronizeMaintenanceAttachments): records the files of the
 * attachment drop (`customers/<id>/`, `tickets/<id>/`) whose names match `filenameRegexp` as
 * attachments of the customer or ticket; files already recorded are skipped.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { customers } from '../../customers/customer.table';
import { attachmentRight, attachments } from '../../support/attachment.table';
import { maintenanceTickets } from '../../support/maintenance-ticket.table';
import { audit } from '../../shared/audit';
import type { ServiceContext } from '../../shared/context';
import type { Validation } from '../../shared/errors';
import { adapters } from '../adapters';
import { onlyKeys, readInt, readText, type JobKind, type JobParams } from '../job-kind';

type Right = (typeof attachmentRight.enumValues)[number];
export const MAX_REGEXP_LENGTH = 200;
export const ATTACHMENT_MODES = ['electronic_document'] as const;

/**
 * Compiles a file-name pattern, refusing long ones and ones with a quantified group that is
 * itself quantified (`(a+)+`, `(.*)*`, `(x|y+){2,}`): the shapes that backtrack exponentially.
 */
export function checkFilenameRegexp(pattern: string, field: string, v: Validation): RegExp | null {
  if (pattern.length > MAX_REGEXP_LENGTH) {
    v.add(field, `the regular expression is longer than ${MAX_REGEXP_LENGTH} characters`);
    return null;
  }
  if (/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,\d*\})/.test(pattern) || /\\\d/.test(pattern)) {
    v.add(field, 'the regular expression nests repetitions or uses back-references, which can take exponential time; simplify it');
    return null;
  }
  try {
    return new RegExp(pattern);
  } catch (error) {
    v.add(field, `not a valid regular expression: ${(error as Error).message}`);
    return null;
  }
}

/**
 * Reads SIMPLer `rights`, a PostgreSQL array literal such as `{"billing information", maintenance}`,
 * into attachment_right values (spaces become underscores, any case).
 */
export function parseRightsLiteral(literal: string, field: string, v: Validation): Right[] | null {
  const text = literal.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) {
    v.add(field, 'rights must be a PostgreSQL array literal like {"billing information", "maintenance"}');
    return null;
  }
  const inner = text.slice(1, -1).trim();
  const items: string[] = [];
  if (inner !== '') {
    const item = /\s*(?:"((?:[^"\\]|\\.)*)"|([^",{}]+?))\s*(,|$)/y;
    let pos = 0;
    while (pos < inner.length) {
      item.lastIndex = pos;
      const m = item.exec(inner);
      if (!m || m[0].length === 0) {
        v.add(field, `rights is not a valid array literal near "${inner.slice(pos, pos + 20)}"`);
        return null;
      }
      items.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
      pos = item.lastIndex;
      if (m[3] === ',' && pos >= inner.length) {
        v.add(field, 'rights ends with a comma');
        return null;
      }
    }
  }
  const allowed = attachmentRight.enumValues as readonly string[];
  const rights: Right[] = [];
  for (const raw of items) {
    const value = raw.trim().toLowerCase().replace(/\s+/g, '_');
    if (!allowed.includes(value)) {
      v.add(field, `"${raw}" is not a right; allowed: ${allowed.map((a) => a.replace(/_/g, ' ')).join(', ')}`);
      return null;
    }
    if (!rights.includes(value as Right)) rights.push(value as Right);
  }
  return rights;
}

type CustomerSyncParams = { customerId: number; filenameRegexp: string; description: string; rights: Right[]; mode: string | null };
type TicketSyncParams = { maintenanceTicketId: number; filenameRegexp: string; description: string; dateAdded: string | null };

function readRegexp(params: JobParams, v: Validation): string {
  const pattern = readText(params, 'filenameRegexp', v, true, 10_000);
  if (pattern != null) checkFilenameRegexp(pattern, 'filenameRegexp', v);
  return pattern ?? '';
}

async function sync(
  ctx: ServiceContext,
  owner: { customerId: number } | { maintenanceTicketId: number },
  dir: string,
  pattern: string,
  values: { description: string; rights: Right[] | null; mode: string | null; dateAdded: Date | null },
) {
  const files = await adapters().attachments.list(dir);
  if (files === null) throw new Error(`the attachment store has no directory ${dir}`);
  const regexp = new RegExp(pattern);
  const matching = files.filter((f) => regexp.test(f.name));
  const ownerColumn = 'customerId' in owner ? attachments.customerId : attachments.maintenanceTicketId;
  const ownerId = 'customerId' in owner ? owner.customerId : owner.maintenanceTicketId;
  return ctx.db.transaction(async (tx) => {
    const known = await tx
      .select({ filename: attachments.filename })
      .from(attachments)
      .where(and(eq(attachments.operatorId, ctx.actor.operatorId), isNotNull(ownerColumn), eq(ownerColumn, ownerId)));
    const recorded = new Set(known.map((k) => k.filename));
    const added: { filename: string; sizeBytes: number; attachmentId: number }[] = [];
    for (const file of matching) {
      if (recorded.has(file.name)) continue;
      const [row] = await tx
        .insert(attachments)
        .values({
          operatorId: ctx.actor.operatorId,
          ...owner,
          filename: file.name,
          storagePath: `${dir}/${file.name}`,
          description: values.description,
          rights: values.rights,
          mode: values.mode,
          sizeBytes: file.sizeBytes,
          ...(values.dateAdded ? { dateAdded: values.dateAdded } : {}),
        })
        .onConflictDoNothing()
        .returning({ id: attachments.id });
      if (row) added.push({ filename: file.name, sizeBytes: file.sizeBytes, attachmentId: row.id });
    }
    if (added.length) {
      await audit(tx, ctx.actor, 'attachments.sync', 'customerId' in owner ? 'customer' : 'maintenance_ticket', ownerId, { added: added.map((a) => a.filename) });
    }
    return { directory: dir, filesSeen: files.length, matching: matching.length, added, alreadyRecorded: matching.length - added.length };
  });
}

export const syncCustomerAttachments: JobKind<CustomerSyncParams> = {
  kind: 'sync_customer_attachments',
  permission: 'customers.write',
  async validate(ctx, params, v) {
    onlyKeys(params, ['customerId', 'filenameRegexp', 'description', 'rights', 'mode'], v);
    const customerId = readInt(params, 'customerId', v, true);
    const filenameRegexp = readRegexp(params, v);
    const description = readText(params, 'description', v, true) ?? '';
    let rights: Right[] | null = null;
    if (Array.isArray(params.rights)) {
      rights = parseRightsLiteral(`{${params.rights.map((r) => JSON.stringify(String(r))).join(',')}}`, 'rights', v);
    } else {
      const literal = readText(params, 'rights', v, true);
      if (literal != null) rights = parseRightsLiteral(literal, 'rights', v);
    }
    const mode = readText(params, 'mode', v, false);
    if (mode != null && !(ATTACHMENT_MODES as readonly string[]).includes(mode)) v.add('mode', `mode must be one of ${ATTACHMENT_MODES.join(', ')}`);
    if (customerId != null) {
      const [row] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, ctx.actor.operatorId), eq(customers.id, customerId)));
      if (!row) v.add('customerId', `customer ${customerId} does not exist`, 'NOT_FOUND');
    }
    return { customerId: customerId ?? 0, filenameRegexp, description, rights: rights ?? [], mode };
  },
  run: (ctx, p) => sync(ctx, { customerId: p.customerId }, `customers/${p.customerId}`, p.filenameRegexp, { description: p.description, rights: p.rights, mode: p.mode, dateAdded: null }),
};

/**
 * A date added given as text: `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]` (a `T` also separates),
 * with an optional offset; without one it is UTC. Anything else (`5`, `next week`, `02/03/2024`,
 * which JavaScript's Date would guess at) is refused, as is an impossible date.
 */
function parseDateAdded(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', zone] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return null;
  const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}${offset}`);
}

export const syncMaintenanceAttachments: JobKind<TicketSyncParams> = {
  kind: 'sync_maintenance_attachments',
  permission: 'support.write',
  async validate(ctx, params, v) {
    onlyKeys(params, ['maintenanceTicketId', 'filenameRegexp', 'description', 'dateAdded'], v);
    const ticketId = readInt(params, 'maintenanceTicketId', v, true);
    const filenameRegexp = readRegexp(params, v);
    const description = readText(params, 'description', v, true) ?? '';
    let dateAdded: string | null = null;
    const rawDate = params.dateAdded;
    if (rawDate instanceof Date || (typeof rawDate === 'string' && rawDate.trim() !== '')) {
      const date = rawDate instanceof Date ? rawDate : parseDateAdded(rawDate);
      if (!date || Number.isNaN(date.getTime())) v.add('dateAdded', 'dateAdded must be a date as YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]');
      else dateAdded = date.toISOString();
    } else if (rawDate != null && rawDate !== '') v.add('dateAdded', 'dateAdded must be a date');
    if (ticketId != null) {
      const [row] = await ctx.db
        .select({ id: maintenanceTickets.id })
        .from(maintenanceTickets)
        .where(and(eq(maintenanceTickets.operatorId, ctx.actor.operatorId), eq(maintenanceTickets.id, ticketId)));
      if (!row) v.add('maintenanceTicketId', `maintenance ticket ${ticketId} does not exist`, 'NOT_FOUND');
    }
    return { maintenanceTicketId: ticketId ?? 0, filenameRegexp, description, dateAdded };
  },
  run: (ctx, p) =>
    sync(ctx, { maintenanceTicketId: p.maintenanceTicketId }, `tickets/${p.maintenanceTicketId}`, p.filenameRegexp, {
      description: p.description,
      rights: null,
      mode: null,
      dateAdded: p.dateAdded ? new Date(p.dateAdded) : null,
    }),
};
