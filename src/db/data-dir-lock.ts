/**
 * One owner per embedded database. PGlite is a single-user PostgreSQL running inside this
 * process: a second process opening the same DATA_DIR (a second server, `db:seed`,
 * `db:migrate`) would write the same files with its own idea of their state, and one of them
 * silently loses its writes. So the directory carries a lock file holding the owner's PID,
 * created atomically; whoever finds it held by a live process refuses before touching
 * anything, and a lock left by a process that died (kill -9, power loss) is taken over.
 *
 * The directory also holds customer data, so it is kept private to its owner: created 0700;
 * PGlite's file layer writes its files without group/other bits (private-node-fs.ts), and
 * `restrictDataDirModes` sweeps once more at open and close for files older versions left.
 */
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'ispgraph.lock';

interface LockOwner {
  pid: number;
  host: string;
  /** What the owner is (server, db:seed, db:migrate…), for the refusal message. */
  role: string;
  since: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by process ${owner.pid} (${owner.role} on ${owner.host}, since ${owner.since}); ` +
        'stop it first, or point DATA_DIR elsewhere',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  readonly dataDir: string;
  /** Removes the lock file if this process still owns it. Idempotent. */
  release(): void;
}

/** Directories this process holds: a second open in the same process is refused too. */
const heldHere = new Set<string>();

/** What this process calls itself in the lock file; the CLIs set it before opening. */
let processRole = 'ispgraph';
export function setDataDirRole(role: string): void {
  processRole = role;
}

/**
 * Creates DATA_DIR (0700) if needed and takes its lock, or throws DataDirInUseError naming
 * the live owner. Nothing inside the directory is read or written when the lock is refused.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, host: hostname(), role: processRole, since: new Date().toISOString() };
  if (heldHere.has(dir)) throw new DataDirInUseError(dir, readOwner(lockPath) ?? me);

  // Bounded: each round either creates the file, refuses, or removes one stale lock.
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (owner && ownerIsAlive(owner)) throw new DataDirInUseError(dir, owner);
      // An unreadable file may be another process's lock between create and write: only an
      // old one is abandoned.
      if (!owner && lockIsFresh(lockPath)) throw new Error(`DATA_DIR ${dir} is being locked by another process right now; try again`);
      // Dead owner (or an old, unreadable file): take it over.
      try {
        unlinkSync(lockPath);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`);
    } finally {
      closeSync(fd);
    }
    heldHere.add(dir);
    restrictDataDirModes(dir);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      heldHere.delete(dir);
      process.off('exit', release);
      // Only our own lock is removed: a takeover by someone else is left alone.
      if (readOwner(lockPath)?.pid === process.pid) {
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone
        }
      }
    };
    // A process that exits without closing the database (process.exit) still frees the directory.
    process.on('exit', release);
    return { dataDir: dir, release };
  }
  throw new Error(`could not take the lock on DATA_DIR ${dir}: it keeps changing hands`);
}

function lockIsFresh(lockPath: string): boolean {
  try {
    return Date.now() - statSync(lockPath).mtimeMs < 10_000;
  } catch {
    return false; // gone meanwhile: the next round creates it
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (!Number.isInteger(parsed.pid) || (parsed.pid as number) <= 0) return undefined;
    return { pid: parsed.pid!, host: String(parsed.host ?? 'unknown host'), role: String(parsed.role ?? 'unknown'), since: String(parsed.since ?? 'unknown') };
  } catch {
    return undefined;
  }
}

function ownerIsAlive(owner: LockOwner): boolean {
  // On another machine (a shared volume) liveness cannot be checked: assume it is alive.
  if (owner.host !== hostname()) return true;
  // Our own PID in a lock we do not hold is a leftover of an earlier run that had the same
  // PID (containers start the server as PID 1 every time).
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes group and other permission bits from DATA_DIR and everything in it. Bounded by an
 * entry count: a PGlite directory holds a few thousand files.
 */
export function restrictDataDirModes(dir: string, maxEntries = 200_000): void {
  const pending = [dir];
  let seen = 0;
  while (pending.length && seen < maxEntries) {
    const current = pending.pop()!;
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      continue; // removed meanwhile
    }
    seen++;
    if (stat.isSymbolicLink()) continue;
    if ((stat.mode & 0o077) !== 0) chmodSync(current, stat.mode & 0o700);
    if (stat.isDirectory()) {
      for (const name of readdirSync(current)) pending.push(path.join(current, name));
    }
  }
}
