/** `npm run db:migrate`: applies the checked-in migrations to the configured database. */
import { loadConfig } from '../../config';
import { openDatabase, type DatabaseHandle } from '../client';
import { setDataDirRole } from '../data-dir-lock';
import { describeError } from '../../shared/describe-error';
import { logToStderr } from '../../server/logger';

logToStderr();
setDataDirRole('db:migrate');
const config = loadConfig();
let database: DatabaseHandle | undefined;
try {
  // Refused (naming the owner's PID) when a server or another command holds DATA_DIR.
  database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await database.withStartupLock((db) => database!.migrate(db));
  process.stdout.write(`migrations applied (${database.engine})\n`);
} catch (error) {
  process.stderr.write(`db:migrate failed: ${describeError(error)}\n`);
  process.exitCode = 1;
} finally {
  await database?.close();
}
