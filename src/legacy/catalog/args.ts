/**
 * Reading a legacy call's arguments against its catalogue entry: every parameter is checked
 * (required, format, closed sets) and all problems are reported together, before any service
 * runs. Names match case-insensitively (the vendor document itself spells `siteId`/`siteid`).
 */
import { INTEGER_TEXT, isDecimalText, isMoneyText, unstorableTextProblem } from '../../input';
import { DomainError, type FieldProblem } from '../../shared/errors';
import type { LegacyOperation, ParamKind, ParamSpec } from './operation';

/** A raw argument as the wire delivered it: text, a list (SOAP arrays, JSON arrays), or nil. */
export type RawValue = string | string[] | null;
export type RawArgs = Map<string, RawValue>;

export type Value = string | number | boolean | number[] | string[] | null;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The validated arguments of one call. `undefined` = not sent; `null` = sent empty (clears on modify). */
export class Args {
  constructor(
    private readonly values: ReadonlyMap<string, Value>,
    /** Pattern parameters by captured key, e.g. custom field id → value. */
    readonly patterned: ReadonlyMap<string, string | null>,
    /** Names the call sent that the operation does not know, ignored as the original systems do (never their values). */
    readonly ignored: readonly string[] = [],
  ) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  text(name: string): string | null | undefined {
    return this.get(name, 'string') as string | null | undefined;
  }

  int(name: string): number | null | undefined {
    return this.get(name, 'number') as number | null | undefined;
  }

  bool(name: string): boolean | null | undefined {
    return this.get(name, 'boolean') as boolean | null | undefined;
  }

  ints(name: string): number[] | null | undefined {
    return this.get(name, 'object') as number[] | null | undefined;
  }

  texts(name: string): string[] | null | undefined {
    return this.get(name, 'object') as string[] | null | undefined;
  }

  /** A required parameter's value (the catalogue has already refused calls without it). */
  requiredText(name: string): string {
    const value = this.text(name);
    if (value == null) throw new Error(`catalogue bug: ${name} is not declared required`);
    return value;
  }

  requiredInt(name: string): number {
    const value = this.int(name);
    if (value == null) throw new Error(`catalogue bug: ${name} is not declared required`);
    return value;
  }

  /** Text for optional fields of an update: absent stays absent, empty clears. */
  private get(name: string, type: string): Value | undefined {
    if (!this.values.has(name)) return undefined;
    const value = this.values.get(name)!;
    if (value !== null && typeof value !== type) throw new Error(`catalogue bug: ${name} is read as ${type}, declared otherwise`);
    return value;
  }
}

/**
 * The text rule of every legacy dialect (src/input): a name or value holding a NUL character or
 * a lone surrogate is refused, all of them named at once. Each dialect's walk calls this first,
 * before its authentication parameters are even looked up.
 */
export function refuseUnstorableText(raw: RawArgs): void {
  const problems: FieldProblem[] = [];
  for (const [name, value] of raw) {
    const nameProblem = unstorableTextProblem(name);
    const label = nameProblem ? JSON.stringify(name) : name;
    const problem = nameProblem ?? (value === null ? null : (Array.isArray(value) ? value : [value]).map(unstorableTextProblem).find((p) => p !== null));
    if (problem) problems.push({ field: [label], message: `${label} ${problem}`, code: 'INVALID' });
    if (problems.length >= 20) break;
  }
  if (problems.length) throw new DomainError('INVALID', problems.map((p) => p.message).join('; '), problems);
}

/** How many ignored names a call reports, and how much of each: names are client text, unbounded otherwise. */
export const MAX_IGNORED_NAMES = 20;
export const MAX_IGNORED_NAME_LENGTH = 64;

export interface ReadOptions {
  /** Refuse unknown names (the credential's opt-in strict mode) instead of ignoring them. */
  strict?: boolean;
}

/**
 * Validates `raw` against the operation. `skip` names parameters already consumed by the
 * dialect (its authentication parameters). Throws one DomainError listing every problem.
 * A name that is neither a parameter nor a pattern family is ignored, as the original systems
 * ignore it (scripts carry stale or shared fields), and listed in `Args.ignored`; with
 * `strict` it is refused.
 */
export function readArgs(op: LegacyOperation, raw: RawArgs, skip: ReadonlySet<string>, options: ReadOptions = {}): Args {
  const byName = new Map(op.params.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((n) => [nameKey(n), p] as const)));
  const values = new Map<string, Value>();
  const patterned = new Map<string, string | null>();
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field: [field], message, code: 'INVALID' });
  const ignored: string[] = [];

  for (const [name, rawValue] of raw) {
    if (skip.has(name.toLowerCase())) continue;
    const spec = byName.get(nameKey(name));
    if (spec) {
      const parsed = parseValue(spec, rawValue);
      if ('error' in parsed) problem(spec.name, `${spec.name}: ${parsed.error}`);
      else if (parsed.value !== undefined) values.set(spec.name, parsed.value);
      continue;
    }
    const family = op.patternParams?.find((f) => f.pattern.test(name));
    if (family) {
      const key = family.pattern.exec(name)![1] ?? name;
      if (Array.isArray(rawValue)) problem(name, `${name}: expected a single value`);
      else patterned.set(key, rawValue === null || rawValue === '' ? null : rawValue);
      continue;
    }
    // `customerid[a]`, `customerid[0]`: a documented parameter sent as an object or a list of
    // objects (a JSON body flattened the PHP way). That is a value of the wrong type for a known
    // parameter, not a stray name: ignoring it would drop the caller's value silently.
    const nested = NESTED_KEY.exec(name);
    const owner = nested ? byName.get(nameKey(nested[1]!)) : undefined;
    if (owner) {
      if (!problems.some((p) => p.field[0] === owner.name)) problem(owner.name, `${owner.name}: expected a single value or a plain list, got an object or nested list`);
      continue;
    }
    if (options.strict) problem(name, `unknown parameter ${name} for ${op.name}`);
    else noteIgnored(ignored, name);
  }
  for (const spec of op.params) {
    if (spec.required && (values.get(spec.name) ?? null) === null && !problems.some((p) => p.field[0] === spec.name)) {
      problem(spec.name, `${spec.name} is required`);
    }
  }
  if (problems.length) throw new DomainError('INVALID', problems.map((p) => p.message).join('; '), problems);
  return new Args(values, patterned, ignored);
}

/** A PHP-style sub-key: `name[key]` or `name[0][key]`, the name captured. */
const NESTED_KEY = /^([^[\]]+)\[[^\]]*\]/;

/** In the order received, once each, at most MAX_IGNORED_NAMES names of at most MAX_IGNORED_NAME_LENGTH characters. */
function noteIgnored(ignored: string[], name: string): void {
  const clipped = [...name].slice(0, MAX_IGNORED_NAME_LENGTH).join('');
  if (ignored.length < MAX_IGNORED_NAMES && !ignored.includes(clipped)) ignored.push(clipped);
}

/**
 * How a sent name is compared with a parameter's name and aliases: case-insensitively, and with a
 * space the same as an underscore. The vendor documents print names with spaces where their
 * clients send underscores (Jaze E21 `Userwith balance`: PHP turns a space in a form key into `_`,
 * `%20` and `+` decode to a space), so all three spellings mean the one parameter.
 */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/ /g, '_');
}

type Parsed = { value: Value | undefined } | { error: string };

function parseValue(spec: ParamSpec, raw: RawValue): Parsed {
  if (raw === null) return { value: null };
  if (spec.kind === 'textList') {
    const items = (Array.isArray(raw) ? raw : [raw]).filter((item) => item !== '');
    return { value: items.length ? items : null };
  }
  if (Array.isArray(raw)) {
    if (spec.kind !== 'integerList') return { error: 'expected a single value, got a list' };
    return parseIntegerList(raw);
  }
  // Numbers are held to their documented forms exactly: " 1 " is not the id 1.
  const text = spec.kind === 'text' || isNumberKind(spec.kind) ? raw : raw.trim();
  if (text === '') return { value: spec.kind === 'text' ? '' : null };
  if (spec.values) {
    const match = spec.values.find((v) => v.toLowerCase() === text.toLowerCase());
    if (match === undefined) return { error: `must be one of ${spec.values.join(', ')} (got "${clip(text)}")` };
    return { value: match };
  }
  return parseKind(spec.kind, text);
}

function parseKind(kind: ParamKind, text: string): Parsed {
  switch (kind) {
    case 'text':
      return { value: text };
    case 'integer':
      if (!INTEGER_TEXT.test(text)) return { error: `expected a whole number (got "${clip(text)}")` };
      return { value: Number(text) };
    case 'decimal':
      if (!isDecimalText(text)) return { error: `expected a decimal number like 12.5 (got "${clip(text)}")` };
      return { value: text };
    case 'money':
      if (!isMoneyText(text)) return { error: `expected an amount like 25.00 with at most 12 digits and 2 decimals (no sign + or exponent) (got "${clip(text)}")` };
      return { value: text };
    case 'boolean': {
      const lower = text.toLowerCase();
      if (['1', 't', 'true', 'yes', 'y', 'on'].includes(lower)) return { value: true };
      if (['0', 'f', 'false', 'no', 'n', 'off'].includes(lower)) return { value: false };
      return { error: `expected 1 or 0 (got "${clip(text)}")` };
    }
    case 'email':
      if (!EMAIL.test(text)) return { error: `not an e-mail address: "${clip(text)}"` };
      return { value: text };
    case 'usDate':
      return dateFrom(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, text, 'MM/DD/YYYY', (m) => [m[3]!, m[1]!, m[2]!]);
    case 'euDate':
      return dateFrom(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, text, 'DD/MM/YYYY', (m) => [m[3]!, m[2]!, m[1]!]);
    case 'isoDate':
      return dateFrom(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, text, 'YYYY-MM-DD', (m) => [m[1]!, m[2]!, m[3]!]);
    case 'integerList':
      return parseIntegerList(text.split(','));
    case 'textList':
      return { value: [text] };
  }
}

function isNumberKind(kind: ParamKind): boolean {
  return kind === 'integer' || kind === 'decimal' || kind === 'money';
}

function parseIntegerList(items: string[]): Parsed {
  const parts = items.map((s) => s.trim()).filter((s) => s.length > 0);
  if (!parts.every((s) => /^[0-9]{1,15}$/.test(s))) return { error: `expected whole numbers separated by commas (got "${clip(items.join(','))}")` };
  return { value: parts.map(Number) };
}

/** Parses a date in the given layout to ISO `YYYY-MM-DD`, refusing impossible dates (02/30/2024). */
function dateFrom(pattern: RegExp, text: string, layout: string, order: (m: RegExpExecArray) => [string, string, string]): Parsed {
  const match = pattern.exec(text);
  if (!match) return { error: `expected a date as ${layout} (got "${clip(text)}")` };
  const [y, m, d] = order(match).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: `not a real date: "${clip(text)}" (${layout})` };
  }
  return { value: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
