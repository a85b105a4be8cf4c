/**
 * PostGraphile v4 (the last v4 release, installed in ../v4) over the
 * benchmark database with its library defaults: no JWT, no GraphiQL, no watch mode. It runs
 * on the same Node.js as ispgraph. Environment: DATABASE_URL, PORT. Serves POST /graphql.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

// v4 lives in ../v4 with its own lockfile (it needs graphql 15, v5 graphql 16); its `pg` and
// graphile-utils are reached through it.
const require = createRequire(new URL('../v4/package.json', import.meta.url));
const { postgraphile } = require('postgraphile');
const fromV4 = (name) => require(require.resolve(name, { paths: [require.resolve('postgraphile')] }));
const { Pool } = fromV4('pg');
const { makeJSONPgSmartTagsPlugin } = fromV4('graphile-utils');

// ispgraph's schema trips one v4 naming clash: equipment.parent_id points at equipment, and
// "equipment" is its own plural, so the forward and backward relations get the same field
// name. One smart tag, given here rather than as a COMMENT so the database is left untouched,
// names the backward relation (unused by the benchmark's queries).
const renameClashes = makeJSONPgSmartTagsPlugin({
  version: 1,
  config: { class: { equipment: { constraint: { equipment_parent_id_equipment_id_fk: { tags: { foreignFieldName: 'childEquipment' } } } } } },
});

const port = Number(process.env.PORT);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const middleware = postgraphile(pool, 'public', {
  graphiql: false,
  watchPg: false,
  disableQueryLog: true,
  setofFunctionsContainNulls: false,
  retryOnInitFail: false,
  appendPlugins: [renameClashes],
});
const server = createServer(middleware);
// v4 builds its schema on the first request; build it now so start-up is not measured.
await middleware.getGraphQLSchema();
server.listen(port, '127.0.0.1', () => process.stdout.write(`postgraphile v4 listening on 127.0.0.1:${port}\n`));
const stop = () => server.close(() => middleware.release().then(() => pool.end()).then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
