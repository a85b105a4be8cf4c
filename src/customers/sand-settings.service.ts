/**
 * A customer's "sand" settings: SIMPLer's automatic invoice follow-up (reminders, billing issue,
 * throttling, disconnection after so many days) and traffic-cap enforcement. Most customers use
 * the operator's defaults and have no row; a row appears the first time a setting is given.
 * The customer service validates and writes these inside its own create/update.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Validation } from '../shared/errors';
import { EMAIL_PATTERN } from './customer.rules';
import { customerSandSettings } from './sand-settings.table';

export type SandSettingsRow = typeof customerSandSettings.$inferSelect;
/** Every setting; `undefined` leaves it as it is, `null` goes back to the default. */
export type SandSettingsInput = Partial<Omit<typeof customerSandSettings.$inferInsert, 'customerId' | 'operatorId' | 'updatedAt'>>;

/** "15 days", "2 weeks", "1 month": offsets after the invoice date, as SIMPLer's examples write them. */
const OFFSET_PATTERN = /^\d{1,4} ?(day|days|week|weeks|month|months)$/i;

const OFFSET_FIELDS = [
  'invoiceBillingIssueDate',
  'invoiceEmailDate1',
  'invoiceEmailDate2',
  'invoiceDisconnectionDate',
  'invoiceThrottlingDate',
  'lodgementFailureEmail2',
  'lodgementFailureEmail3',
  'lodgementFailureDisconnection',
] as const;
const EMAIL_FIELDS = ['invoiceEmailFrom', 'invoiceEmailTo', 'invoiceEmailBcc', 'trafficEmailFrom', 'trafficEmailTo', 'trafficEmailBcc'] as const;
const PERCENT_FIELDS = ['trafficEmailThreshold1', 'trafficEmailThreshold2', 'trafficDisconnectionThreshold', 'trafficOverageThreshold'] as const;
/** Above 100 % is meaningful (act at 120 % of the cap); beyond this it is a typo. */
const MAX_PERCENT = 1000;

export function validateSand(input: SandSettingsInput, v: Validation): void {
  for (const key of OFFSET_FIELDS) {
    const value = input[key];
    if (value != null && !OFFSET_PATTERN.test(value.trim())) v.add(['sand', key], `${key} must be a number of days, weeks or months, e.g. "15 days" (got "${value}")`);
  }
  for (const key of EMAIL_FIELDS) {
    const value = input[key];
    if (value != null && !EMAIL_PATTERN.test(value)) v.add(['sand', key], `${key} "${value}" is not an e-mail address`);
  }
  for (const key of PERCENT_FIELDS) {
    const value = input[key];
    if (value != null && (!Number.isInteger(value) || value < 0 || value > MAX_PERCENT)) v.add(['sand', key], `${key} must be a percentage from 0 to ${MAX_PERCENT}`);
  }
  const { trafficEmailThreshold1: first, trafficEmailThreshold2: second } = input;
  if (first != null && second != null && first > second) v.add(['sand', 'trafficEmailThreshold2'], 'the second traffic e-mail threshold must not be below the first');
  if (input.trafficLimitGb != null && (!Number.isInteger(input.trafficLimitGb) || input.trafficLimitGb < 0)) v.add(['sand', 'trafficLimitGb'], 'traffic limit must be a whole number of GB, 0 or more');
  for (const key of ['trafficDoNotProrate', 'trafficDoNotCarryOverage'] as const) {
    const value = input[key];
    if (value != null && value !== -1 && value !== 1) v.add(['sand', key], `${key} must be -1, 1 or empty (default)`);
  }
}

/** Writes the given settings (creating the customer's row if needed). */
export async function writeSand(db: Executor, operatorId: number, customerId: number, input: SandSettingsInput): Promise<void> {
  const changes = Object.fromEntries(
    Object.entries(input)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, typeof value === 'string' && (OFFSET_FIELDS as readonly string[]).includes(key) ? value.trim() : value]),
  ) as SandSettingsInput;
  if (Object.keys(changes).length === 0) return;
  await db
    .insert(customerSandSettings)
    .values({ ...changes, customerId, operatorId })
    .onConflictDoUpdate({ target: customerSandSettings.customerId, set: { ...changes, updatedAt: sql`now()` } });
}

export async function sandOf(db: Executor, operatorId: number, customerId: number): Promise<SandSettingsRow | null> {
  const [row] = await db
    .select()
    .from(customerSandSettings)
    .where(and(eq(customerSandSettings.operatorId, operatorId), eq(customerSandSettings.customerId, customerId)));
  return row ?? null;
}
