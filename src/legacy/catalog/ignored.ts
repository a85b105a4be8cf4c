/**
 * Reporting the parameters a legacy call sent that its operation does not know. The original
 * systems ignore them silently; ispgraph ignores them too but says so — one warn log line per
 * call, a counter, and the `X-Ignored-Parameters` reply header — so an integrator can find a
 * typo that the original would have swallowed. Only names are reported, never values.
 */
import type { ServerResponse } from 'node:http';
import { log } from '../../server/logger';
import { recordIgnoredParameters } from '../../server/metrics';
import type { Args } from './args';
import type { LegacyOperation } from './operation';

export const IGNORED_PARAMETERS_HEADER = 'X-Ignored-Parameters';

export type LegacyDialect = 'simpler' | 'jaze' | 'crm' | 'm4';

export interface IgnoredReport {
  dialect: LegacyDialect;
  /** Who called, as the dialect names its credential (api_username, CRM userid, M4 `u`, `api_token:<id>`): never a secret. */
  caller: string;
  requestId?: string | undefined;
  /** Receives the names for the reply (the HTTP adapter sets the header). */
  onIgnored?: ((names: readonly string[]) => void) | undefined;
}

/** Logs, counts and hands on `args.ignored`; nothing when the call sent only known names. */
export function reportIgnored(op: LegacyOperation, args: Args, report: IgnoredReport): void {
  if (args.ignored.length === 0) return;
  log('warn', 'ignored unknown parameters', {
    dialect: report.dialect,
    operation: op.name,
    caller: report.caller,
    requestId: report.requestId,
    names: args.ignored,
  });
  recordIgnoredParameters(report.dialect, op.name, args.ignored.length);
  report.onIgnored?.(args.ignored);
}

/**
 * The header's value: the names, comma-separated. Names are client text, so each is
 * percent-encoded (UTF-8) outside the RFC 9110 token characters, `%` included: the value is
 * always visible ASCII (no header injection, nothing outside Latin-1), a name decodes back
 * exactly with decodeURIComponent, and a comma inside a name cannot split it in two.
 */
export function ignoredHeaderValue(names: readonly string[]): string {
  return names.map(encodeName).join(', ');
}

const TOKEN_CHAR = /^[A-Za-z0-9!#$&'*+.^_`|~-]$/;

function encodeName(name: string): string {
  let out = '';
  for (const char of name) {
    if (TOKEN_CHAR.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The `onIgnored` of an HTTP adapter: the header goes out with whatever reply follows. */
export function ignoredHeaderOn(res: ServerResponse): (names: readonly string[]) => void {
  return (names) => res.setHeader(IGNORED_PARAMETERS_HEADER, ignoredHeaderValue(names));
}
