/**
 * Command-line parsing for the admin CLI: `<noun> <verb> [positional…] [--option value…]`.
 * Mistakes are UsageErrors (exit code 2), each naming what was wrong and where help is.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly noun?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionKind = 'string' | 'boolean' | 'list';

export interface CommandSpec {
  /** Names of the positional arguments, in order (all required). */
  positional: string[];
  options: Record<string, OptionKind>;
  /** Options that must be given. */
  required?: string[];
  summary: string;
}

export interface ParsedCommand {
  positional: Record<string, string>;
  options: Record<string, string | boolean | string[]>;
}

export function parseCommand(noun: string, verb: string, spec: CommandSpec, argv: string[]): ParsedCommand {
  const positional: string[] = [];
  const options: Record<string, string | boolean | string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const kind = spec.options[name];
    if (!kind) throw new UsageError(`${noun} ${verb}: unknown option --${name}`, noun);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`${noun} ${verb}: --${name} takes no value`, noun);
      options[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${noun} ${verb}: --${name} needs a value`, noun);
    if (kind === 'list') options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else if (name in options) throw new UsageError(`${noun} ${verb}: --${name} given twice`, noun);
    else options[name] = value;
  }
  if (positional.length !== spec.positional.length) {
    const expected = spec.positional.length ? spec.positional.map((p) => `<${p}>`).join(' ') : 'no arguments';
    throw new UsageError(`${noun} ${verb}: expected ${expected}, got ${positional.length ? positional.map((p) => `"${p}"`).join(' ') : 'none'}`, noun);
  }
  for (const name of spec.required ?? []) {
    if (!(name in options)) throw new UsageError(`${noun} ${verb}: --${name} is required`, noun);
  }
  return { positional: Object.fromEntries(spec.positional.map((name, i) => [name, positional[i]!])), options };
}

/** `on`/`off` (and the usual spellings) of a switch option. */
export function onOff(noun: string, name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(on|true|yes|1)$/i.test(value)) return true;
  if (/^(off|false|no|0)$/i.test(value)) return false;
  throw new UsageError(`--${name} must be on or off, got "${value}"`, noun);
}

/**
 * An expiry: an ISO 8601 date or date-time (`2027-03-31`, `2027-03-31T18:00:00Z`; a date means
 * its start, UTC) or a duration from now (`90d`, `12h`, `30m`).
 */
export function parseExpiry(noun: string, value: string, now = Date.now()): Date {
  const duration = /^(\d{1,5})([dhm])$/.exec(value);
  if (duration) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[duration[2] as 'd' | 'h' | 'm'];
    return new Date(now + Number(duration[1]) * unit);
  }
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(value)) {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
    // A calendar date that does not exist (02-30) is refused, not rolled over into March.
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === (dateOnly ? value : date.toISOString().slice(0, 10))) return date;
  }
  throw new UsageError(`--expires must be an ISO date (2027-03-31), a date-time with its offset (2027-03-31T18:00:00Z) or a duration (90d, 12h, 30m), got "${value}"`, noun);
}
