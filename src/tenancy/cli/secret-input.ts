/**
 * Secrets the admin CLI reads: from standard input (`--password-stdin`, `--secret-stdin`, for
 * scripts: the secret never appears in the process list or shell history), or typed at a
 * terminal prompt without echo.
 */
import { UsageError } from './parse';

export async function readStdinSecret(what: string, noun: string): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError(`--${what}-stdin reads the ${what} from a pipe (printf '%s' "$PW" | npm run admin -- …), not from a terminal`, noun);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > 4096) throw new UsageError(`the ${what} on standard input is longer than 4096 bytes`, noun);
    chunks.push(chunk as Buffer);
  }
  // One trailing newline is the pipe's (echo), not the secret's.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Reads a line from the terminal without echoing it (prompt on stderr, so stdout stays JSON). */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new password typed twice at the terminal. */
export async function promptNewPassword(noun: string, label: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError(`no terminal to ask for the ${label} on: pipe it with --password-stdin`, noun);
  const first = await promptHidden(`${label}: `);
  const second = await promptHidden(`${label} again: `);
  if (first !== second) throw new UsageError('the two passwords differ', noun);
  return first;
}
