/**
 * Structured logs: one JSON object per line on stdout, so any log shipper can parse them.
 * Tests and benchmarks silence it with LOG_LEVEL=silent. Command-line tools whose stdout is
 * their JSON answer (db:seed, admin) send log lines to stderr instead: `logToStderr()`.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function threshold(): number {
  const configured = (process.env.LOG_LEVEL ?? 'info') as Level | 'silent';
  return order[configured] ?? order.info;
}

/** Whether a line at `level` would be written (to skip building costly fields). */
export function logs(level: Level): boolean {
  return order[level] >= threshold();
}

let destination: NodeJS.WriteStream = process.stdout;

/** For tools whose stdout is their result: log lines go to stderr, beside their messages. */
export function logToStderr(): void {
  destination = process.stderr;
}

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < threshold()) return;
  destination.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
}
