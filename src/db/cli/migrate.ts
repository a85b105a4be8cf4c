/** `npm run db:migrate`: applies the checked-in migrations to the configured database. */
import { loadConfig } from '../../config';
import { openDatabase } from '../client';
import { describeError } from '../../shared/describe-error';

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.withStartupLock((db) => database.migrate(db));
  process.stdout.write(`migrations applied (${database.engine})\n`);
} catch (error) {
  process.stderr.write(`db:migrate failed: ${describeError(error)}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
