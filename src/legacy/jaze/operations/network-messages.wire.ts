/**
 * Wire helpers of the Jaze network and message endpoints: the PHP-style nested arrays
 * (`vendorData[0][attribute]=…`, what a PHP client's http_build_query sends for the document's
 * `[vendorData] => Array([0] => Array([attribute] => …))`), the override arguments, local
 * times, and the radclient-style statistics lines.
 */
import type { Args } from '../../catalog/args';
import type { ParamSpec, PatternParamSpec } from '../../catalog/operation';
import { DomainError, type FieldProblem } from '../../../shared/errors';
import type { OverrideReset, ResetInput } from '../../../radius/override.service';
import type { RadiusStatistics } from '../../../radius/radius-stats.service';

// ---------------------------------------------------------------- nested arrays

/** `name[<n>][<field>]` parameters; the whole name is the key, so families never collide. */
export function rowsFamily(name: string, fields: readonly string[]): PatternParamSpec {
  return {
    pattern: new RegExp(`^(${name}\\[\\d{1,4}\\]\\[[A-Za-z]+\\])$`, 'i'),
    display: `${name}[<n>][${fields.join('|')}]`,
    doc: `One ${name} row per index n (form fields as PHP sends arrays); or ${name} as a JSON array of objects.`,
  };
}

const invalid = (field: string, message: string): FieldProblem => ({ field: [field], message, code: 'INVALID' });

/**
 * The rows of a nested-array parameter, in index order, from its bracketed form fields or from
 * the parameter itself holding a JSON array of objects (what a JSON client can send). Unknown
 * row fields and unreadable JSON are refused.
 */
export function readRows(args: Args, name: string, fields: readonly string[]): Record<string, string>[] {
  const problems: FieldProblem[] = [];
  const byIndex = new Map<number, Record<string, string>>();
  const known = new Map(fields.map((f) => [f.toLowerCase(), f]));
  const shape = new RegExp(`^${name}\\[(\\d+)\\]\\[([A-Za-z]+)\\]$`, 'i');
  for (const [key, value] of args.patterned) {
    const m = shape.exec(key);
    if (!m) continue;
    const field = known.get(m[2]!.toLowerCase());
    if (!field) {
      problems.push(invalid(key, `${key}: unknown field "${m[2]}" (a ${name} row has ${fields.join(', ')})`));
      continue;
    }
    const row = byIndex.get(Number(m[1])) ?? {};
    if (value != null) row[field] = value;
    byIndex.set(Number(m[1]), row);
  }
  const json = args.text(name);
  if (json != null && json !== '') {
    if (byIndex.size) problems.push(invalid(name, `send ${name} either as ${name}[n][field] fields or as JSON, not both`));
    else jsonRows(json, name, known, problems).forEach((row, i) => byIndex.set(i, row));
  }
  if (problems.length) throw new DomainError('INVALID', problems.map((p) => p.message).join('; '), problems);
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

function jsonRows(text: string, name: string, known: Map<string, string>, problems: FieldProblem[]): Record<string, string>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push(invalid(name, `${name} must be ${name}[n][field] fields or a JSON array of objects`));
    return [];
  }
  const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? Object.values(parsed) : null;
  if (!list) {
    problems.push(invalid(name, `${name} must be a JSON array of objects`));
    return [];
  }
  return list.map((item, i) => {
    const row: Record<string, string> = {};
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(invalid(name, `${name}[${i}] must be an object`));
      return row;
    }
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const field = known.get(key.toLowerCase());
      if (!field) problems.push(invalid(name, `${name}[${i}]: unknown field "${key}"`));
      else if (typeof value === 'string' || typeof value === 'number') row[field] = String(value);
      else if (value != null) problems.push(invalid(name, `${name}[${i}][${key}] must be text or a number`));
    }
    return row;
  });
}

// ---------------------------------------------------------------- overrides (E28, E30)

/** The reset arguments E28 (`bandwidth…`) and E30 (`vendor…`) share, under their prefix. */
export function resetParams(prefix: 'bandwidth' | 'vendor'): { head: ParamSpec[]; reset2: ParamSpec } {
  const unlessAlways = `Required unless ${prefix}Reset is always.`;
  return {
    head: [
      { name: `${prefix}Restriction`, kind: 'text', values: ['on', 'off'], doc: 'Only when "on" do the reset arguments take effect.' },
      { name: `${prefix}Reset`, kind: 'text', values: ['always', 'data', 'uploadDownload'], doc: 'data: while the FUP limit is not exceeded; uploadDownload: while neither upload nor download exceeds it.' },
      { name: `${prefix}ResetLimit`, kind: 'decimal', doc: `The FUP limit (> 0). ${unlessAlways}` },
      { name: `${prefix}ResetUnitData`, kind: 'text', values: ['mb', 'gb'], doc: unlessAlways },
      { name: `${prefix}ResetEvery`, kind: 'text', values: ['daily', 'weekly', 'monthly', 'never', 'billing'], doc: unlessAlways },
      { name: `${prefix}ResetEveryValue`, kind: 'integer', doc: 'Day of month (1..31) a monthly period starts on; required for monthly, ignored for other periods.' },
      { name: `${prefix}ResetEveryValueDay`, kind: 'integer', doc: 'Day of week (0 = Sunday .. 6) a weekly period starts on; required for weekly, ignored for other periods.' },
    ],
    reset2: { name: `${prefix}Reset2`, kind: 'text', values: ['always'], doc: unlessAlways },
  };
}

const RESET_WIRE: Record<string, OverrideReset> = { always: 'always', data: 'data', uploadDownload: 'upload_download' };

/**
 * The override service's reset input. The document marks `…ResetEveryValue` and
 * `…ResetEveryValueDay` as sent whenever the reset is not "always" (E28 even marks the day
 * mandatory), so clients send both whatever the period; each has a meaning for one period only
 * (day of month: monthly, day of week: weekly), and is passed on for that period and ignored
 * for the others rather than refused.
 */
export function resetInput(args: Args, prefix: 'bandwidth' | 'vendor', customerId: number): ResetInput {
  const reset = args.text(`${prefix}Reset`);
  const reset2 = args.text(`${prefix}Reset2`);
  const every = args.text(`${prefix}ResetEvery`);
  return {
    customerId,
    restrictionOn: args.text(`${prefix}Restriction`) === 'on',
    reset: reset ? RESET_WIRE[reset] : null,
    resetLimit: args.text(`${prefix}ResetLimit`) ?? null,
    resetUnit: (args.text(`${prefix}ResetUnitData`) as ResetInput['resetUnit']) ?? null,
    resetEvery: (args.text(`${prefix}ResetEvery`) as ResetInput['resetEvery']) ?? null,
    resetEveryValue: every === 'monthly' ? (args.int(`${prefix}ResetEveryValue`) ?? null) : null,
    resetEveryDay: every === 'weekly' ? (args.int(`${prefix}ResetEveryValueDay`) ?? null) : null,
    reset2: reset2 ? RESET_WIRE[reset2] : null,
  };
}

/** "Pass only userId to remove the override": nothing but userId was sent (empty fields count as not sent). */
export function onlyUserId(args: Args, params: readonly ParamSpec[]): boolean {
  const patternedSent = [...args.patterned.values()].some((v) => v != null);
  return !patternedSent && params.every((p) => p.name === 'userId' || valueOf(args, p) == null);
}

function valueOf(args: Args, spec: ParamSpec): unknown {
  switch (spec.kind) {
    case 'integer':
      return args.int(spec.name);
    case 'boolean':
      return args.bool(spec.name);
    default:
      return args.text(spec.name);
  }
}

// ---------------------------------------------------------------- dates, text

/** `YYYY-MM-DD HH:MM:SS` in the operator's time zone, as Jaze prints times. */
export function jazeLocalTime(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The E38 reply embeds the address in HTML (`<strong>`), so it is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// ---------------------------------------------------------------- statistics (E36)

/**
 * The exchange as radclient prints it (the document's sample is radclient's output): what was
 * sent, what came back, then one `Name = value` line per counter, names without the
 * `FreeRADIUS-` prefix as in the sample.
 */
export function statisticsLines(s: RadiusStatistics): string[] {
  const local = `${s.local.address}:${s.local.port}`;
  const server = `${s.server.address}:${s.server.port}`;
  return [
    `Sent Status-Server Id ${s.identifier} from ${local} to ${server} length ${s.requestLength}`,
    'Message-Authenticator = 0x00',
    `Statistics-Type = ${s.type}`,
    'Response-Packet-Type = Access-Accept',
    `Received ${s.replyCode} Id ${s.identifier} from ${server} to ${local} length ${s.replyLength}`,
    ...s.counters.map((c) => `${c.name.replace(/^FreeRADIUS-/, '')} = ${c.value}`),
  ];
}
