/**
 * The floor of the peer benchmark: node:http and postgres.js, one SQL statement per request
 * that builds the whole reply as JSON inside PostgreSQL, written back as it comes. No GraphQL,
 * no authentication, no validation: what is left is the cheapest way to serve the same data, so
 * the other systems' figures can be read as a distance from it.
 *
 * Environment: DATABASE_URL, PORT, OPERATOR_ID (the seeded operator whose rows are served).
 * Routes: GET /overview, GET /point?legacyId=N. Replies are already in the benchmark's
 * canonical shape (see ../normalise.ts), money as decimal strings and dates as PostgreSQL prints them.
 */
import { createServer } from 'node:http';
import postgres from 'postgres';

const operatorId = Number(process.env.OPERATOR_ID);
const port = Number(process.env.PORT);
if (!Number.isInteger(operatorId) || !Number.isInteger(port)) throw new Error('floor: OPERATOR_ID and PORT must be integers');
const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });

// Same reads as bench/queries/overview.graphql: 20 current customers by name (then id), plan,
// first 3 subscriptions by id with their plan, 2 newest invoices (issue date, then id, both
// descending) with payments by date then id, reseller. Every table narrowed to the operator.
const overview = (op) => sql`
  select json_build_object('customers', coalesce(json_agg(json_build_object(
    'legacyId', c.id,
    'name', c.name,
    'servicePlan', (select json_build_object('legacyId', p.id, 'name', p.name, 'price', p.price::text)
                      from plans p where p.id = c.service_plan_id and p.operator_id = ${op}),
    'subscriptions', (select coalesce(json_agg(json_build_object('legacyId', s.id, 'plan',
                          (select json_build_object('legacyId', sp.id, 'name', sp.name) from plans sp where sp.id = s.plan_id and sp.operator_id = ${op}))
                        order by s.id), '[]')
                      from (select id, plan_id from subscriptions
                             where customer_id = c.id and operator_id = ${op} order by id limit 3) s),
    'invoices', (select coalesce(json_agg(json_build_object('legacyId', i.id, 'number', i.number, 'issueDate', i.issue_date, 'total', i.total::text,
                     'payments', (select coalesce(json_agg(json_build_object('legacyId', pm.id, 'amount', pm.amount::text, 'paymentDate', pm.payment_date, 'method', pm.method)
                                     order by pm.payment_date, pm.id), '[]')
                                  from payments pm where pm.invoice_id = i.id and pm.operator_id = ${op}))
                   order by i.issue_date desc, i.id desc), '[]')
                 from (select id, number, issue_date, total from invoices
                        where customer_id = c.id and operator_id = ${op} order by issue_date desc, id desc limit 2) i),
    'reseller', (select json_build_object('legacyId', r.id, 'name', r.name) from resellers r where r.id = c.reseller_id and r.operator_id = ${op})
  ) order by c.name, c.id), '[]'))::text as body
  from (select id, name, service_plan_id, reseller_id from customers
         where operator_id = ${op} and status = 'current' order by name, id limit 20) c`;

const point = (op, legacyId) => sql`
  select json_build_object('customer', (select json_build_object('legacyId', c.id, 'name', c.name,
    'servicePlan', (select json_build_object('legacyId', p.id, 'name', p.name, 'price', p.price::text)
                      from plans p where p.id = c.service_plan_id and p.operator_id = ${op}))
    from customers c where c.id = ${legacyId} and c.operator_id = ${op}))::text as body`;

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://floor');
    let rows;
    if (url.pathname === '/overview') rows = await overview(operatorId);
    else if (url.pathname === '/point' && /^[0-9]{1,9}$/.test(url.searchParams.get('legacyId') ?? '')) rows = await point(operatorId, Number(url.searchParams.get('legacyId')));
    else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(rows[0].body);
  } catch (error) {
    process.stderr.write(`floor: ${error instanceof Error ? error.message.split('\n')[0] : 'request failed'}\n`);
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  }
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`floor listening on 127.0.0.1:${port}\n`));
const stop = () => server.close(() => sql.end({ timeout: 2 }).then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
