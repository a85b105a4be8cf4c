/**
 * Prepared statements for the embedded database. PGlite's `query()` parses, plans and
 * describes every statement afresh (an unnamed statement, five round trips into WebAssembly).
 * The compiled GraphQL read path sends the same few large statements over and over; planning
 * one of them costs about as much as running it. So these statements are parsed once under a
 * name, and each later call is one Bind + Execute + Sync message: PostgreSQL reuses the plan
 * (a generic one after its usual five custom plans), as it does for the `postgres` driver's
 * prepared statements on a real server.
 *
 * Written here because PGlite offers no prepared-statement API; it does publish the protocol
 * serializer and the two locks its own `query()` takes, and this holds both in the same order,
 * so a statement never runs inside another caller's open transaction.
 */
import type { PGlite } from '@electric-sql/pglite';
import { protocol } from '@electric-sql/pglite';

type Parser = (text: string, typeId?: number) => unknown;
type Serializer = (value: never) => string;

interface Prepared {
  name: string;
  paramSerializers: (Serializer | undefined)[];
  columnParsers: ({ parse: Parser; typeId: number } | undefined)[];
}

/** Statements kept prepared; the compiled read path has tens, not thousands. */
const MAX_PREPARED = 200;

interface ProtocolMessage {
  name: string;
  fields?: (string | null)[];
  dataTypeIDs?: number[];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function preparedQueries(client: PGlite): (text: string, params: readonly unknown[]) => Promise<unknown[][]> {
  const { serialize } = protocol;
  // Insertion order doubles as recency: a hit is moved to the end, the first entry is the oldest.
  const prepared = new Map<string, Prepared>();
  let serial = 0;

  const send = async (parts: Uint8Array[]): Promise<ProtocolMessage[]> =>
    (await client.execProtocolStream(concat(parts), { syncToFs: false })) as unknown as ProtocolMessage[];

  async function prepare(text: string): Promise<Prepared> {
    const name = `ispgraph_${++serial}`;
    const messages = await send([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]);
    const params = messages.find((m) => m.name === 'parameterDescription')?.dataTypeIDs ?? [];
    const row = messages.find((m) => m.name === 'rowDescription') as unknown as { fields: { dataTypeID: number }[] } | undefined;
    const entry: Prepared = {
      name,
      paramSerializers: params.map((oid) => client.serializers[oid] as Serializer | undefined),
      columnParsers: (row?.fields ?? []).map((f) => {
        const parse = client.parsers[f.dataTypeID] as Parser | undefined;
        return parse ? { parse, typeId: f.dataTypeID } : undefined;
      }),
    };
    if (prepared.size >= MAX_PREPARED) {
      const [oldestText, oldest] = prepared.entries().next().value as [string, Prepared];
      prepared.delete(oldestText);
      await send([serialize.close({ type: 'S', name: oldest.name }), serialize.sync()]);
    }
    prepared.set(text, entry);
    return entry;
  }

  async function run(text: string, params: readonly unknown[]): Promise<unknown[][]> {
    let statement = prepared.get(text);
    if (statement) {
      prepared.delete(text);
      prepared.set(text, statement);
    } else {
      statement = await prepare(text);
    }
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = statement.paramSerializers[i];
      return serializer ? serializer(value as never) : String(value);
    });
    let messages: ProtocolMessage[];
    try {
      messages = await send([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]);
    } catch (error) {
      // A plan the server can no longer use (the schema changed under it) is prepared afresh next time.
      prepared.delete(text);
      await send([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]).catch(() => {});
      throw error;
    }
    const rows: unknown[][] = [];
    for (const message of messages) {
      if (message.name !== 'dataRow') continue;
      rows.push(
        message.fields!.map((field, i) => {
          if (field === null) return null;
          const column = statement.columnParsers[i];
          return column ? column.parse(field, column.typeId) : field;
        }),
      );
    }
    return rows;
  }

  return (text, params) => client._runExclusiveTransaction(() => client._runExclusiveQuery(() => run(text, params)));
}
