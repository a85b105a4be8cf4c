/**
 * ispgraph as its own process, so a test can watch it survive (or die), signal it, and read what
 * it logged: from the sources (`node --import tsx src/main.ts`, the default) or from the bundle
 * `npm start` and the container run (`node dist/main.mjs`, built first with `npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running. */
  kill(): void;
}

export function startServerProcess(env: Record<string, string>, port: number, options: { from?: 'source' | 'bundle' } = {}): ServerProcess {
  const entry = options.from === 'bundle' ? ['dist/main.mjs'] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited: () => exit,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Polls /healthz until it answers 200; throws after `timeoutMs`. */
export async function waitForHealthy(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('the server process exited before it was healthy');
    const status = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url}/healthz did not answer 200 within ${timeoutMs} ms`);
}
