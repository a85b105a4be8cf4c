/**
 * Reproduces the postgres.js "nextWrite on a null socket" crash (porsager/postgres #1154,
 * #1208) against a fake server that speaks just enough of the wire protocol: it lets a
 * transaction begin, then hangs up while the next statement is in flight. The driver's
 * transaction scope then writes ROLLBACK on the closed connection; unpatched, that write runs
 * from a setImmediate after the socket was nulled and throws outside any promise, killing
 * the process. Run as `node driver-crash.fixture.mjs [path to postgres/src/index.js]`;
 * prints one JSON line with how the transaction ended, and exits 0 if the process survived.
 */
import net from 'node:net';
import { pathToFileURL } from 'node:url';

const driverPath = process.argv[2];
const { default: postgres } = driverPath ? await import(pathToFileURL(driverPath).href) : await import('postgres');

function message(type, body = Buffer.alloc(0)) {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const int32 = (n) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
const int16 = (n) => { const b = Buffer.alloc(2); b.writeInt16BE(n); return b; };
const cstring = (s) => Buffer.from(`${s}\0`, 'utf8');

/** A server that accepts any login, answers the first statement as BEGIN and hangs up on the second. */
const server = net.createServer((socket) => {
  let buffered = Buffer.alloc(0);
  let started = false;
  let batches = 0;
  socket.on('error', () => {});
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    if (!started) {
      if (buffered.length < 4 || buffered.length < buffered.readInt32BE(0)) return;
      buffered = buffered.subarray(buffered.readInt32BE(0));
      started = true;
      socket.write(Buffer.concat([message('R', int32(0)), message('K', Buffer.concat([int32(1), int32(2)])), message('Z', Buffer.from('I'))]));
    }
    while (buffered.length >= 5 && buffered.length >= 1 + buffered.readInt32BE(1)) {
      const type = String.fromCharCode(buffered[0]);
      buffered = buffered.subarray(1 + buffered.readInt32BE(1));
      // A statement ends with Sync (extended protocol) or is one Query message (simple protocol).
      if (type !== 'S' && type !== 'Q') continue;
      batches += 1;
      if (batches === 1) {
        const parsed = type === 'S' ? [message('1'), message('t', int16(0)), message('n'), message('2')] : [];
        socket.write(Buffer.concat([...parsed, message('C', cstring('BEGIN')), message('Z', Buffer.from('T'))]));
      } else {
        socket.end(); // the database went away mid-transaction
      }
    }
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const sql = postgres({ host: '127.0.0.1', port, user: 'u', database: 'd', max: 1, fetch_types: false, connect_timeout: 2, onnotice: () => {} });
let outcome;
try {
  await sql.begin(async (tx) => {
    await tx`select 1`;
  });
  outcome = { transaction: 'committed' };
} catch (error) {
  outcome = { transaction: 'rejected', code: error.code ?? null };
}
// Give any stray setImmediate a chance to fire before declaring survival.
await new Promise((resolve) => setTimeout(resolve, 100));
process.stdout.write(`${JSON.stringify(outcome)}\n`);
await sql.end({ timeout: 0 });
server.close();
