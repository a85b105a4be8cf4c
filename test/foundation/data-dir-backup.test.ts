/**
 * The embedded database's backup as docs/OPERATIONS.md describes it: stop the server, archive
 * DATA_DIR with tar, restore the archive elsewhere, open it. The stopped directory carries no
 * lock, and the restored copy holds what was committed before the stop.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { LOCK_FILE_NAME } from '../../src/db/data-dir-lock';

const run = promisify(execFile);

describe('backing up a stopped DATA_DIR on pglite', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'ispgraph-backup-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('restores from a tar archive of the stopped directory with every committed row, on pglite', async () => {
    const dataDir = path.join(work, 'data');
    const original = await openDatabase({ dataDir });
    await original.db.execute(sql`create table backup_probe (id int primary key, note text)`);
    await original.db.execute(sql`insert into backup_probe values (1, 'before the backup'), (2, 'Zoë')`);
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(true);
    await original.close();
    // Stopped: the lock is gone, so the copy is not a directory "in use".
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);

    const archive = path.join(work, 'ispgraph-backup.tgz');
    await run('tar', ['-C', work, '-czf', archive, 'data']);
    const restoreRoot = path.join(work, 'restored');
    await run('mkdir', ['-p', restoreRoot]);
    await run('tar', ['-C', restoreRoot, '-xzf', archive]);

    const restored = await openDatabase({ dataDir: path.join(restoreRoot, 'data') });
    try {
      const result = (await restored.db.execute(sql`select id, note from backup_probe order by id`)) as unknown as { rows: { id: number; note: string }[] };
      expect(result.rows).toEqual([
        { id: 1, note: 'before the backup' },
        { id: 2, note: 'Zoë' },
      ]);
    } finally {
      await restored.close();
    }
  }, 120_000);
});
