/**
 * The suite-wide secret scan (issue 9: no secret in any reply or log line). Installed once per
 * test process by setup.ts, it sees every reply body (and headers) the in-process HTTP servers
 * send, by wrapping `http.ServerResponse.prototype.write`/`end`, and every line written to
 * stdout/stderr, with the server's JSON log lines produced at debug level, scanned, and then
 * swallowed so test output stays quiet. Each text is checked against the detectors in
 * secrets.ts; a hit is remembered with the test that was running, and setup.ts fails that test
 * (or the file, for hits outside a test) naming the secret, never printing it.
 */
import http from 'node:http';
import { DETECTORS, type Detector, type Origin } from './secrets';

export interface Finding {
  secret: string;
  surface: Origin['surface'];
  where: string;
  /** `describe > test`, or where in the file it happened when no test was running. */
  test: string;
}

const OUTSIDE_TESTS = 'outside any test (beforeAll/afterAll hooks, or after its test ended)';

class SecretScan {
  private pending: Finding[] = [];
  private currentTest: string | undefined;
  private texts = 0;
  private bytes = 0;
  private millis = 0;

  /** Checks one text; records a finding per detector that matches. */
  observe(origin: Origin, text: string, detectors: readonly Detector[] = DETECTORS): Finding[] {
    const started = performance.now();
    this.texts++;
    this.bytes += text.length;
    const found: Finding[] = [];
    for (const detector of detectors) {
      if (detector.matches(text) && !detector.exempt?.(origin)) {
        found.push({ secret: detector.name, surface: origin.surface, where: origin.where, test: this.currentTest ?? OUTSIDE_TESTS });
      }
    }
    this.pending.push(...found);
    this.millis += performance.now() - started;
    return found;
  }

  enterTest(name: string): void {
    this.currentTest = name;
  }

  /** Ends the current test and hands back what was found during it. */
  leaveTest(): Finding[] {
    const name = this.currentTest;
    this.currentTest = undefined;
    return this.take((f) => f.test === name);
  }

  /** Hands back (and forgets) the findings `keep` selects, all by default. */
  take(keep: (finding: Finding) => boolean = () => true): Finding[] {
    const taken = this.pending.filter(keep);
    this.pending = this.pending.filter((f) => !keep(f));
    return taken;
  }

  /** How much was scanned in this process, and the time the detectors took (SECRET_SCAN_STATS=1 prints it). */
  stats(): { texts: number; bytes: number; millis: number } {
    return { texts: this.texts, bytes: this.bytes, millis: Math.round(this.millis) };
  }
}

/**
 * One scanner per process, kept on globalThis: the wrappers installed for the first test file
 * must report to the same scanner that later files' hooks read, even if modules are reloaded.
 */
const SCANNER = Symbol.for('ispgraph.secretScan.scanner');
export const secretScan: SecretScan = ((globalThis as { [SCANNER]?: SecretScan })[SCANNER] ??= new SecretScan());

/** The failure message: secret names and places, never a value. */
export function describeFindings(findings: Finding[]): string {
  const lines = findings.map((f) => `  - ${f.secret} in ${f.surface} ${f.where} — ${f.test}`);
  return `secret scan: ${findings.length} leak(s) of demo secrets (values not shown):\n${lines.join('\n')}`;
}

// ---------------------------------------------------------------- replies

interface Capture {
  chunks: Buffer[];
  ending: boolean;
}
const captures = new WeakMap<http.ServerResponse, Capture>();

type Encoding = BufferEncoding | undefined;
function toBuffer(chunk: unknown, encoding: Encoding): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return null;
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

function capture(res: http.ServerResponse, chunk: unknown, encoding: unknown): void {
  const buffer = toBuffer(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined);
  if (!buffer || buffer.length === 0) return;
  let state = captures.get(res);
  if (!state) captures.set(res, (state = { chunks: [], ending: false }));
  // A copy: the caller may reuse its buffer once write returns.
  state.chunks.push(Buffer.from(buffer));
}

function scanReply(res: http.ServerResponse): void {
  const state = captures.get(res);
  const req = res.req as http.IncomingMessage | undefined;
  const path = (req?.url ?? '').split('?')[0] || '/';
  const headers = Object.entries(res.getHeaders())
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join('\n');
  const body = state ? Buffer.concat(state.chunks).toString('utf8') : '';
  const contentType = String(res.getHeader('content-type') ?? '');
  secretScan.observe({ surface: 'reply', where: `${req?.method ?? '?'} ${path}`, contentType }, `${headers}\n\n${body}`);
  captures.delete(res);
}

function wrapServerResponse(): void {
  const proto = http.ServerResponse.prototype;
  const write = proto.write;
  const end = proto.end;
  // Same signatures as Node's: (chunk, encoding?, callback?); the arguments pass through untouched.
  proto.write = function (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (!captures.get(this)?.ending) capture(this, chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof proto.write;
  proto.end = function (this: http.ServerResponse, ...args: unknown[]) {
    let state = captures.get(this);
    if (state?.ending || this.writableEnded) return (end as (...a: unknown[]) => unknown).apply(this, args) as http.ServerResponse;
    if (!state) captures.set(this, (state = { chunks: [], ending: false }));
    capture(this, args[0], args[1]);
    // Node's end() may write through write(): that chunk is already counted.
    state.ending = true;
    try {
      return (end as (...a: unknown[]) => unknown).apply(this, args) as http.ServerResponse;
    } finally {
      scanReply(this);
    }
  } as typeof proto.end;
}

// ---------------------------------------------------------------- log lines and output

/** A line of src/server/logger.ts: one JSON object with time, level and msg. */
function logEvent(line: string): string | null {
  if (!line.startsWith('{"time":')) return null;
  try {
    const parsed = JSON.parse(line) as { level?: unknown; msg?: unknown };
    return typeof parsed.level === 'string' && typeof parsed.msg === 'string' ? `${parsed.level} ${parsed.msg}` : null;
  } catch {
    return null;
  }
}

function wrapStream(stream: NodeJS.WriteStream, surface: 'stdout' | 'stderr'): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const buffer = toBuffer(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined);
    const text = buffer ? buffer.toString('utf8') : '';
    // The logger writes one whole line per call; anything else is ordinary output.
    const event = surface === 'stdout' ? logEvent(text) : null;
    if (event !== null) {
      secretScan.observe({ surface: 'log', where: event }, text);
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      if (callback) process.nextTick(callback);
      return true;
    }
    if (text) secretScan.observe({ surface, where: `${surface} output` }, text);
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

const INSTALLED = Symbol.for('ispgraph.secretScan.installed');

/** Wraps replies and output once per process (setup files run once per test file). */
export function installSecretScan(): void {
  const global = globalThis as { [INSTALLED]?: true };
  if (global[INSTALLED]) return;
  global[INSTALLED] = true;
  wrapServerResponse();
  wrapStream(process.stdout, 'stdout');
  wrapStream(process.stderr, 'stderr');
}
