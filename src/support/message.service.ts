/**
 * SMS and e-mail to customers (Jaze E32 send_sms_to_user, E33 send_email_to_user, E40
 * get_user_logs). The messages table is also the outbox: `send` validates and renders first,
 * writes the row as pending (201) with its audit entry in one transaction, then hands it to the
 * channel's transport (message-transport.ts) and records the outcome: 202 and Jaze's success
 * text, or FAILED_STATUS and the transport's error. Bad input writes nothing.
 *
 * Templates are ours, rendered by a small `{{placeholder}}` substitution (no expressions, no
 * code, one pass: a value containing "{{x}}" stays literal text).
 */
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { sortKeyOf, type SortKey } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { DomainError, NotFoundError, Validation, type FieldProblem } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { invoices } from '../billing/invoice.table';
import { operators } from '../tenancy/operator.table';
import { maintenanceTickets } from './maintenance-ticket.table';
import { messages } from './message.table';
import { messageTransport, type MessageChannel, type OutgoingMessage } from './message-transport';
import { randomInt } from 'node:crypto';
import { authorize } from '../tenancy/permissions';

export type MessageRow = typeof messages.$inferSelect;
type CustomerRow = typeof customers.$inferSelect;
export type { MessageChannel };

/** Jaze E40 status codes. */
export const MESSAGE_STATUS = { SUCCESS: 202, PENDING: 201, WAITING: 502, ABORTED: 505 } as const;
/** Recorded when the transport refuses or fails (E40: any code but 202/201/502/505 is a failure). */
export const FAILED_STATUS = 500;
const SUCCESS_TEXT: Record<MessageChannel, string> = { sms: 'Sms is dispatched successfully', email: 'Email is sent successfully' };

// ---------------------------------------------------------------- templates

export const ACCESS_TYPES = ['PPPoE/Hotspot', 'customerPortal'] as const;
export const USAGE_ALERT_TYPES = ['bandwidth', 'duration', 'vendor'] as const;

interface Template {
  subject?: string;
  /** Body, or one body per variant (the value of the template's variant argument). */
  body: string | Record<string, string>;
  variant?: 'grantAccessType' | 'usageAlertType' | 'userReciptType';
  needsTicket?: boolean;
  needsOtp?: boolean;
  /** Speaks of the service expiry date, so the customer must have one. */
  needsExpiry?: boolean;
}

const ACCESS_BODIES = {
  'PPPoE/Hotspot': 'Dear {{name}}, you have been granted access to the internet at {{operatorName}} - Username: {{nickname}}',
  customerPortal: 'Dear {{name}}, your {{operatorName}} customer portal login is ready - Username: {{username}}',
};
const USAGE_BODIES = {
  bandwidth: 'Dear {{name}}, you have used most of your data allowance with {{operatorName}}. Speeds may be reduced.',
  duration: 'Dear {{name}}, you have used most of your online time with {{operatorName}}.',
  vendor: 'Dear {{name}}, your {{operatorName}} usage has reached the limit set for your account.',
};

/** Jaze E32 `templateName` values. */
export const SMS_TEMPLATES: Record<string, Template> = {
  grantAccess: { body: ACCESS_BODIES, variant: 'grantAccessType' },
  verificationCode: { body: 'Your {{operatorName}} verification code is {{otp}}' },
  rejectUser: { body: 'Dear {{name}}, your {{operatorName}} account request has been rejected. Please contact us.' },
  usageAlert: { body: USAGE_BODIES, variant: 'usageAlertType' },
  accountSuspension: { body: 'Dear {{name}}, your {{operatorName}} account {{username}} has been suspended. Please contact us.' },
  validityExpire: { body: 'Your validity expires in {{daysLeft}} days ({{expiresOn}}). Please recharge to enjoy uninterrupted service.', needsExpiry: true },
  userBalance: { body: 'Dear {{name}}, your {{operatorName}} balance due is {{balance}} {{currency}}.' },
  closeTicketOtp: { body: 'Your OTP to close ticket #{{ticketId}} ({{ticketTitle}}) is {{otp}}', needsTicket: true, needsOtp: true },
  closeTicketNotification: { body: 'Dear {{name}}, your ticket #{{ticketId}} ({{ticketTitle}}) has been closed.', needsTicket: true },
};

/** Jaze E33 `templateName` values. */
export const EMAIL_TEMPLATES: Record<string, Template> = {
  userRecipt: {
    subject: 'Your {{operatorName}} account',
    body: {
      'PPPoE/Hotspot': 'Dear {{name}},\n\nYour internet account is ready.\nUsername: {{nickname}}\n\n{{operatorName}}',
      customerPortal: 'Dear {{name}},\n\nYour customer portal account is ready.\nUsername: {{username}}\n\n{{operatorName}}',
    },
    variant: 'userReciptType',
  },
  suspend: { subject: 'Your {{operatorName}} account is suspended', body: 'Dear {{name}},\n\nYour account {{username}} has been suspended. Please contact us.\n\n{{operatorName}}' },
  rejectedUserRecipt: { subject: 'Your {{operatorName}} account request', body: 'Dear {{name}},\n\nWe are sorry: your account request has been rejected.\n\n{{operatorName}}' },
  billReminder: { subject: 'Bill reminder', body: 'Dear {{name}},\n\nA friendly reminder: {{balance}} {{currency}} is due on your account {{invoicingId}}.\n\n{{operatorName}}' },
  billWarning: { subject: 'Overdue bill', body: 'Dear {{name}},\n\n{{balance}} {{currency}} is overdue on your account {{invoicingId}}. Please pay to avoid suspension.\n\n{{operatorName}}' },
  prepaid: { subject: 'Your prepaid service', body: 'Dear {{name}},\n\nYour prepaid service is valid until {{expiresOn}} ({{daysLeft}} days).\n\n{{operatorName}}', needsExpiry: true },
  notifyUser: {
    subject: 'Usage alert',
    body: Object.fromEntries(Object.entries(USAGE_BODIES).map(([k, v]) => [k, `${v}\n\n{{operatorName}}`])),
    variant: 'usageAlertType',
  },
  closeTicketOtp: { subject: 'Closing ticket #{{ticketId}}', body: 'Dear {{name}},\n\nYour OTP to close ticket #{{ticketId}} ({{ticketTitle}}) is {{otp}}.\n\n{{operatorName}}', needsTicket: true, needsOtp: true },
  closedTicketNotificationClient: { subject: 'Ticket #{{ticketId}} closed', body: 'Dear {{name}},\n\nYour ticket #{{ticketId}} ({{ticketTitle}}) has been closed.\n\n{{operatorName}}', needsTicket: true },
};

/**
 * Not a Jaze template name: the portal password recovery (E38) message. Callers cannot pick it
 * through `send`; portal.service.ts uses `sendPasswordRecovery`.
 */
const RECOVERY: Record<MessageChannel, Template> = {
  sms: { body: 'Your {{operatorName}} portal login: Username: {{username}} Password: {{password}}' },
  email: { subject: 'Your {{operatorName}} portal credentials', body: 'Dear {{name}},\n\nYour portal login:\nUsername: {{username}}\nPassword: {{password}}\n\n{{operatorName}}' },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** Replaces `{{key}}` with `values[key]` (own keys only; a missing one becomes ''). */
export function renderTemplate(text: string, values: Record<string, string | number | null | undefined>): string {
  return text.replace(PLACEHOLDER, (_match, key: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, key)) return '';
    const value = values[key];
    return value == null ? '' : String(value);
  });
}

export function templatesOf(channel: MessageChannel): Record<string, Template> {
  return channel === 'sms' ? SMS_TEMPLATES : EMAIL_TEMPLATES;
}

// ---------------------------------------------------------------- sending

export interface SendInput {
  channel: MessageChannel;
  /** Jaze `templateName`. */
  template: string;
  /** Jaze `sendSmsTo` true: the customer's alternative phone. */
  toAlternativePhone?: boolean | null;
  grantAccessType?: string | null;
  usageAlertType?: string | null;
  userReciptType?: string | null;
  /** Jaze `ticketId`: a maintenance ticket of the customer. */
  ticketId?: number | null;
  otp?: string | null;
  /**
   * How the caller's surface spells the arguments and the template names, for the field paths
   * and texts of its errors (GraphQL's `accessType` and GRANT_ACCESS are Jaze's
   * `grantAccessType` and grantAccess); the names above when omitted.
   */
  spelling?: { field?: (name: SendArgument) => string; template?: (name: string) => string };
}

export type SendArgument = 'template' | 'grantAccessType' | 'userReciptType' | 'usageAlertType' | 'ticketId' | 'otp';

interface Prepared {
  customerId: number;
  channel: MessageChannel;
  template: string | null;
  templateParams: Record<string, string> | null;
  maintenanceTicketId: number | null;
  recipient: string;
  subject: string | null;
  /** What the transport gets. */
  body: string;
  /** What the outbox keeps (secrets masked). */
  storedBody: string;
}

const MAX_OTP = 32;

async function operatorOf(db: Executor, operatorId: number) {
  const [row] = await db.select({ name: operators.name, currency: operators.currency }).from(operators).where(eq(operators.id, operatorId));
  return row ?? { name: '', currency: '' };
}

async function balanceDue(db: Executor, customerId: number): Promise<string> {
  const [row] = await db
    .select({ due: sql<string>`coalesce(sum(${invoices.total} - ${invoices.amountPaid}), 0)::numeric(14,2)::text` })
    .from(invoices)
    .where(and(eq(invoices.customerId, customerId), inArray(invoices.status, ['open', 'partially_paid'])));
  return row?.due ?? '0.00';
}

/** The values every template may use, from the customer (and operator). */
async function customerValues(db: Executor, customer: CustomerRow): Promise<Record<string, string>> {
  const operator = await operatorOf(db, customer.operatorId);
  const expires = customer.expiresAt;
  const daysLeft = expires ? Math.max(0, Math.ceil((expires.getTime() - Date.now()) / 86_400_000)) : null;
  return {
    name: customer.name,
    firstName: customer.name.trim().split(/\s+/)[0] ?? '',
    nickname: customer.nickname,
    invoicingId: customer.invoicingId,
    username: customer.portalUsername ?? customer.invoicingId,
    operatorName: operator.name,
    currency: operator.currency,
    balance: await balanceDue(db, customer.id),
    expiresOn: expires ? expires.toISOString().slice(0, 10) : '',
    daysLeft: daysLeft == null ? '' : String(daysLeft),
  };
}

function recipientOf(customer: CustomerRow, channel: MessageChannel, alternative: boolean, v: Validation, field: string[]): string | null {
  const value = (channel === 'email' ? customer.email : alternative ? customer.altPhone : customer.phone)?.trim();
  if (!value) {
    const what = channel === 'email' ? 'e-mail address' : alternative ? 'alternative phone number' : 'phone number';
    v.add(field, `customer ${customer.id} has no ${what}`, 'PRECONDITION_FAILED');
    return null;
  }
  return value;
}

/** Checks the template's arguments (the same for every recipient of a send). */
async function checkArguments(ctx: ServiceContext, input: SendInput, v: Validation): Promise<{ template: Template; params: Record<string, string> } | null> {
  if (input.channel !== 'sms' && input.channel !== 'email') {
    v.add('channel', 'channel must be sms or email');
    return null;
  }
  const field = input.spelling?.field ?? ((name: SendArgument) => name);
  const templateName = input.spelling?.template ?? ((name: string) => name);
  const templates = templatesOf(input.channel);
  const template = Object.prototype.hasOwnProperty.call(templates, input.template) ? templates[input.template]! : null;
  if (!template) {
    v.add(field('template'), `${JSON.stringify(templateName(input.template))} is not an ${input.channel === 'sms' ? 'SMS' : 'e-mail'} template (one of ${Object.keys(templates).map(templateName).join(', ')})`);
    return null;
  }
  const params: Record<string, string> = {};
  const named = `the ${templateName(input.template)} template`;
  if (template.variant) {
    const value = input[template.variant];
    const allowed = Object.keys(template.body as Record<string, string>);
    const name = field(template.variant);
    if (!value) v.add(name, `${name} is required for ${named}`);
    else if (!allowed.includes(value)) v.add(name, `${name} must be one of ${allowed.join(', ')}`);
    else params[template.variant] = value;
  }
  if (template.needsOtp) {
    if (!input.otp?.trim()) v.add(field('otp'), `${field('otp')} is required for ${named}`);
    else if (input.otp.trim().length > MAX_OTP) v.add(field('otp'), `${field('otp')} is longer than ${MAX_OTP} characters`);
  }
  if (template.needsTicket && input.ticketId == null) v.add(field('ticketId'), `${field('ticketId')} is required for ${named}`);
  return { template, params };
}

async function prepare(ctx: ServiceContext, customer: CustomerRow, input: SendInput, checked: { template: Template; params: Record<string, string> }, v: Validation, field: string[]): Promise<Prepared | null> {
  const recipient = recipientOf(customer, input.channel, input.channel === 'sms' && (input.toAlternativePhone ?? false), v, field);
  const values: Record<string, string> = await customerValues(ctx.db, customer);
  if (checked.template.needsExpiry && !customer.expiresAt) v.add(field, `customer ${customer.id} has no service expiry date`, 'PRECONDITION_FAILED');
  let ticketId: number | null = null;
  if (checked.template.needsTicket && input.ticketId != null) {
    const [ticket] = await ctx.db
      .select({ id: maintenanceTickets.id, title: maintenanceTickets.title, customerId: maintenanceTickets.customerId })
      .from(maintenanceTickets)
      .where(and(eq(maintenanceTickets.operatorId, ctx.actor.operatorId), eq(maintenanceTickets.id, input.ticketId)));
    if (!ticket || ticket.customerId !== customer.id) v.add(input.spelling?.field?.('ticketId') ?? 'ticketId', `maintenance ticket ${input.ticketId} of customer ${customer.id} does not exist`, 'NOT_FOUND');
    else {
      ticketId = ticket.id;
      values.ticketId = String(ticket.id);
      values.ticketTitle = ticket.title;
    }
  }
  if (input.template === 'verificationCode') values.otp = input.otp?.trim() || String(randomInt(0, 1_000_000)).padStart(6, '0');
  else if (checked.template.needsOtp && input.otp) values.otp = input.otp.trim();
  if (recipient === null || !v.ok) return null;
  const variant = checked.template.variant ? checked.params[checked.template.variant]! : null;
  const bodyText = typeof checked.template.body === 'string' ? checked.template.body : checked.template.body[variant!]!;
  const body = renderTemplate(bodyText, values);
  return {
    customerId: customer.id,
    channel: input.channel,
    template: input.template,
    templateParams: Object.keys(checked.params).length ? checked.params : null,
    maintenanceTicketId: ticketId,
    recipient,
    subject: input.channel === 'email' && checked.template.subject ? renderTemplate(checked.template.subject, values) : null,
    body,
    storedBody: body,
  };
}

async function loadCustomers(ctx: ServiceContext, ids: readonly number[]): Promise<Map<number, CustomerRow>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.operatorId, ctx.actor.operatorId), inArray(customers.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Writes the pending rows (and their audit entries) in one transaction. */
async function enqueue(ctx: ServiceContext, prepared: Prepared[]): Promise<MessageRow[]> {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(messages)
      .values(
        prepared.map((p) => ({
          operatorId: ctx.actor.operatorId,
          customerId: p.customerId,
          channel: p.channel,
          template: p.template,
          templateParams: p.templateParams,
          maintenanceTicketId: p.maintenanceTicketId,
          recipient: p.recipient,
          subject: p.subject,
          body: p.storedBody,
          statusCode: MESSAGE_STATUS.PENDING,
        })),
      )
      .returning();
    for (const row of rows) {
      await audit(tx, ctx.actor, 'message.send', 'message', row.id, { customerId: row.customerId, channel: row.channel, template: row.template, recipient: row.recipient });
    }
    return rows;
  });
}

/**
 * Hands one pending row to its channel's transport and records the outcome. `body` overrides
 * the stored body (a message whose stored copy has a secret masked). The row is first claimed
 * (201 pending → 502 waiting, only if still pending), so a row is handed over once even when an
 * outbox worker races the sender; a row already claimed is returned as it is.
 */
export async function deliver(db: Executor, row: MessageRow, body: string = row.body): Promise<MessageRow> {
  const [claimed] = await db
    .update(messages)
    .set({ statusCode: MESSAGE_STATUS.WAITING })
    .where(and(eq(messages.id, row.id), eq(messages.statusCode, MESSAGE_STATUS.PENDING)))
    .returning({ id: messages.id });
  if (!claimed) {
    const [current] = await db.select().from(messages).where(eq(messages.id, row.id));
    return current ?? row;
  }
  const transport = messageTransport(row.channel);
  const outgoing: OutgoingMessage = {
    id: row.id,
    operatorId: row.operatorId,
    customerId: row.customerId,
    channel: row.channel,
    template: row.template,
    recipient: row.recipient,
    subject: row.subject,
    body,
  };
  let outcome: { ok: boolean; error?: string };
  try {
    outcome = await transport.send(outgoing);
  } catch (error) {
    outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const [updated] = await db
    .update(messages)
    .set(
      outcome.ok
        ? { statusCode: MESSAGE_STATUS.SUCCESS, errorMessage: SUCCESS_TEXT[row.channel], transport: transport.name, sentAt: new Date() }
        : { statusCode: FAILED_STATUS, errorMessage: outcome.error || 'the transport refused the message', transport: transport.name },
    )
    .where(eq(messages.id, row.id))
    .returning();
  return updated!;
}

/**
 * The outbox sweep: messages still pending a while after they were written (the process that
 * wrote them died before handing them over) are delivered now. A password-recovery message is
 * not: its stored copy has the password masked, and the password was never kept, so it is
 * marked aborted (505) for the customer to ask again rather than sent with stars.
 */
export async function redeliverPending(db: Executor, options: { olderThanMs?: number; limit?: number } = {}): Promise<MessageRow[]> {
  const olderThan = new Date(Date.now() - (options.olderThanMs ?? 60_000));
  const stuck = await db
    .select()
    .from(messages)
    .where(and(eq(messages.statusCode, MESSAGE_STATUS.PENDING), lt(messages.createdAt, olderThan)))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(options.limit ?? 50);
  const done: MessageRow[] = [];
  for (const row of stuck) {
    if (row.template === 'recoverPassword') {
      const [aborted] = await db
        .update(messages)
        .set({ statusCode: MESSAGE_STATUS.ABORTED, errorMessage: 'not resent: the password in it was never stored; ask for a new recovery' })
        .where(and(eq(messages.id, row.id), eq(messages.statusCode, MESSAGE_STATUS.PENDING)))
        .returning();
      if (aborted) done.push(aborted);
      continue;
    }
    done.push(await deliver(db, row));
  }
  return done;
}

/** Sends one template message to one customer (Jaze E32/E33 for a single `userId`). */
export async function send(ctx: ServiceContext, customerId: number, input: SendInput): Promise<MessageRow> {
  authorize(ctx.actor, 'support.write');
  const [row] = await sendMultiple(ctx, [customerId], input, ['customerId']);
  return row!;
}

/**
 * Sends one template message to each customer (Jaze `sendMultipleSms` with `userIds[]`): every
 * recipient is checked first, and one unfit recipient refuses the whole send.
 */
export async function sendMultiple(ctx: ServiceContext, customerIds: readonly number[], input: SendInput, field: string[] = ['customerIds']): Promise<MessageRow[]> {
  authorize(ctx.actor, 'support.write');
  const v = new Validation();
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) v.add(field, 'at least one customer is required');
  const checked = await checkArguments(ctx, input, v);
  const found = await loadCustomers(ctx, ids);
  const prepared: Prepared[] = [];
  for (const [i, id] of ids.entries()) {
    const at = ids.length === 1 && field.length === 1 && field[0] === 'customerId' ? field : [...field, String(i)];
    const customer = found.get(id);
    if (!customer) {
      v.add(at, `customer ${id} does not exist`, 'NOT_FOUND');
      continue;
    }
    if (!checked) continue;
    const p = await prepare(ctx, customer, input, checked, v, at);
    if (p) prepared.push(p);
  }
  v.throwIfAny();
  const rows = await enqueue(ctx, prepared);
  const out: MessageRow[] = [];
  for (const [i, row] of rows.entries()) out.push(await deliver(ctx.db, row, prepared[i]!.body));
  return out;
}

/**
 * The portal password recovery message (Jaze E38). The outbox copy has the password masked:
 * the password itself exists only in the message handed to the transport.
 */
export async function sendPasswordRecovery(ctx: ServiceContext, customer: CustomerRow, channel: MessageChannel, password: string): Promise<MessageRow> {
  authorize(ctx.actor, 'customers.write');
  const v = new Validation();
  const recipient = recipientOf(customer, channel, false, v, [channel === 'sms' ? 'phone' : 'email']);
  v.throwIfAny();
  const values = await customerValues(ctx.db, customer);
  const template = RECOVERY[channel];
  const text = template.body as string;
  const prepared: Prepared = {
    customerId: customer.id,
    channel,
    template: 'recoverPassword',
    templateParams: null,
    maintenanceTicketId: null,
    recipient: recipient!,
    subject: template.subject ? renderTemplate(template.subject, values) : null,
    body: renderTemplate(text, { ...values, password }),
    storedBody: renderTemplate(text, { ...values, password: '********' }),
  };
  const [row] = await enqueue(ctx, [prepared]);
  return deliver(ctx.db, row!, prepared.body);
}

// ---------------------------------------------------------------- reading

/** A customer's messages of one channel, newest first (Jaze E40 get_user_logs; default sms). */
export async function logs(ctx: ServiceContext, input: { customerId: number; channel?: MessageChannel | null }): Promise<MessageRow[]> {
  const channel = input.channel ?? 'sms';
  if (channel !== 'sms' && channel !== 'email') throw new DomainError('INVALID', 'type must be sms or email', [{ field: ['channel'], message: 'type must be sms or email', code: 'INVALID' } satisfies FieldProblem]);
  const [customer] = await ctx.db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.operatorId, ctx.actor.operatorId), eq(customers.id, input.customerId)));
  if (!customer) throw new NotFoundError('customer', input.customerId, ['customerId']);
  return ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.operatorId, ctx.actor.operatorId), eq(messages.customerId, input.customerId), eq(messages.channel, channel)))
    .orderBy(desc(messages.createdAt), desc(messages.id));
}

/** Jaze E40: `logs` with the operator's time zone, in which Jaze prints `date_created`. */
export async function logHistory(ctx: ServiceContext, input: { customerId: number; channel?: MessageChannel | null }): Promise<{ timezone: string; messages: MessageRow[] }> {
  const rows = await logs(ctx, input);
  const [operator] = await ctx.db.select({ timezone: operators.timezone }).from(operators).where(eq(operators.id, ctx.actor.operatorId));
  return { timezone: operator?.timezone ?? 'UTC', messages: rows };
}

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<MessageRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(messages).where(and(eq(messages.operatorId, operatorId), inArray(messages.id, [...ids])));
}

/** statusOf in SQL, from the same codes, for the compiled read path. */
export function statusSql(): SQL {
  const known = Object.entries(MESSAGE_STATUS).map(([name, code]) => sql`when ${sql.raw(String(code))} then ${sql.raw(`'${name}'`)}`);
  return sql`(case ${messages.statusCode} ${sql.join(known, sql` `)} else 'FAILED' end)`;
}

/** E40's meaning of a status code. */
export function statusOf(code: number): 'SUCCESS' | 'PENDING' | 'WAITING' | 'ABORTED' | 'FAILED' {
  switch (code) {
    case MESSAGE_STATUS.SUCCESS:
      return 'SUCCESS';
    case MESSAGE_STATUS.PENDING:
      return 'PENDING';
    case MESSAGE_STATUS.WAITING:
      return 'WAITING';
    case MESSAGE_STATUS.ABORTED:
      return 'ABORTED';
    default:
      return 'FAILED';
  }
}

/**
 * What a customer's messages can be ordered by; newest first (CREATED_AT, DESC) by default.
 * SENT_AT is null until delivered: those come first descending, last ascending.
 */
export const MESSAGE_SORTS = { ID: messages.id, CREATED_AT: messages.createdAt, SENT_AT: messages.sentAt } as const;
export type MessageSortField = keyof typeof MESSAGE_SORTS;

export function messageSort(field: MessageSortField = 'CREATED_AT', direction: 'asc' | 'desc' = 'desc'): SortKey {
  return sortKeyOf(MESSAGE_SORTS, field, direction);
}
