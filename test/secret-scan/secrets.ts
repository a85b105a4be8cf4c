/**
 * What the suite-wide scan looks for: the demo operator's secrets and the forms derived from
 * them, each with a name the failure report prints instead of the value.
 */
import { DEMO } from '../../src/db/seed/demo';
import { sha256Hex } from '../../src/shared/secrets';

/** Where a text came from: a reply body (with its headers) or a log line. */
export interface Origin {
  surface: 'reply' | 'log' | 'stdout' | 'stderr';
  /** `GET /path` (never the query string: a test may send a secret there), or the log event. */
  where: string;
  /** The reply's content type, when it is a reply. */
  contentType?: string;
}

export interface Detector {
  /** Printed in reports; never the value. */
  name: string;
  matches(text: string): boolean;
  /** The one place a detector's value may legitimately appear, and why (see its comment). */
  exempt?(origin: Origin): boolean;
}

const verbatim = (name: string, value: string, exempt?: Detector['exempt']): Detector => ({ name, matches: (text) => text.includes(value), exempt });
const pattern = (name: string, re: RegExp): Detector => ({ name, matches: (text) => re.test(text) });
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The short demo secrets ('demo', 'admin', 'secret', 'portal') are also the operator's code,
 * usernames and ordinary words, so they count as leaks only where they are the value of
 * something secret: `api_password=demo`, `"m4ApiSecret":"secret"`, `<password>admin</password>`.
 */
const asSecretValue = (name: string, value: string): Detector =>
  pattern(name, new RegExp(`(password|passwd|secret|api_?key|token|hash)\\w*["']?\\s*[:=>]\\s*["']?${escapeRe(value)}(?![\\w-])`, 'i'));

/**
 * The GraphiQL page (GET /graphql asking for HTML) pre-fills `Authorization: Bearer demo-token`
 * outside production so the demo works in a browser (src/graphql/graphiql.ts); that page is
 * the one reply allowed to carry the demo token. Everywhere else the plain token is a leak: clients
 * send it, the server never echoes it (the request log records the path, not the query string
 * where Jaze clients may put `api_key`).
 */
const graphiqlPage = (origin: Origin) => origin.surface === 'reply' && origin.where === 'GET /graphql' && (origin.contentType ?? '').startsWith('text/html');

export const DETECTORS: readonly Detector[] = [
  verbatim('demo bearer token', DEMO.bearerToken, graphiqlPage),
  verbatim('demo bearer token SHA-256 (stored token hash)', sha256Hex(DEMO.bearerToken)),
  verbatim('CRM api key', DEMO.crm.apiKey),
  // Covers hashApiKey(), which stores `sha256$` + this digest.
  verbatim('CRM api key SHA-256 (stored key hash)', sha256Hex(DEMO.crm.apiKey)),
  // Password hashes have random salts (made at seed time), so their shape is what is looked for:
  // any stored scrypt hash (staff, SIMPLer api_password, portal passwords) or API key hash.
  pattern('stored scrypt password hash', /scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*/),
  pattern('stored API key hash (sha256$…)', /sha256\$[0-9a-f]{64}/),
  asSecretValue('SIMPLer api_password', DEMO.simpler.password),
  asSecretValue('staff password', DEMO.adminPassword),
  asSecretValue('M4 API secret', DEMO.m4.apiSecret),
  asSecretValue('portal password', DEMO.portalPassword),
  // A recovered portal password exists only in the message handed to the transport; the
  // outbox copy (what replies and logs may show) has it masked as ********.
  pattern('recovered portal password (recovery message body)', /Password: (?!\*{8}|\{\{)\S/),
];
