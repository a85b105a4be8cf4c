/**
 * The same-data check: every system is asked each read once, its reply mapped to the canonical
 * JSON (normalise.ts) and compared with the first system's; the first difference is named.
 */
import { ShapeError, type Json } from './normalise';
import { send, type BenchContext, type Read, type RunningSystem } from './systems';

/** The first place two canonical values differ, as a path and the two values. */
function firstDifference(a: Json, b: Json, at = ''): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i] ?? null, b[i] ?? null, `${at}[${i}]`);
      if (d) return d;
    }
    return `${at}: ${a.length} items against ${b.length}`;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[key] ?? null, b[key] ?? null, `${at}.${key}`);
      if (d) return d;
    }
    return `${at}: keys in another order`;
  }
  return `${at || '(root)'}: ${JSON.stringify(a)?.slice(0, 300)} against ${JSON.stringify(b)?.slice(0, 300)}`;
}

export class DataMismatch extends Error {}

/** Where a system's verified reply to a read is kept in the map verify() returns. */
export const replyKey = (system: string, read: Read) => `${system}\u0000${read}`;

/**
 * Asks every system each read once and compares the canonical JSON; returns each system's
 * verified reply text (what autocannon then expects byte for byte). The first system is the
 * reference. The overview must hold customers, invoices and payments, so equality means something.
 */
export async function verify(running: RunningSystem[], ctx: BenchContext, reads: Read[]): Promise<Map<string, string>> {
  const replies = new Map<string, string>();
  for (const read of reads) {
    let reference: { system: string; canonical: string; value: Json } | undefined;
    for (const system of running) {
      const request = system.spec.request(read, ctx);
      const { status, text } = await send(system.baseUrl, request);
      if (status !== 200) throw new DataMismatch(`${system.spec.name} answered the ${read} read with HTTP ${status}: ${text.slice(0, 300)}`);
      let value: Json;
      try {
        value = system.spec.canonical(read, JSON.parse(text) as Json, ctx);
      } catch (error) {
        if (error instanceof ShapeError || error instanceof SyntaxError) throw new DataMismatch(`${system.spec.name}, ${read} read: ${error.message}`);
        throw error;
      }
      const canonical = JSON.stringify(value);
      if (!reference) {
        reference = { system: system.spec.name, canonical, value };
        const overview = read === 'overview' ? (value as { customers: { invoices: { payments: unknown[] }[] }[] }) : undefined;
        if (overview && (overview.customers.length === 0 || !overview.customers.some((c) => c.invoices.some((i) => i.payments.length > 0)))) {
          throw new DataMismatch(`the overview read of ${system.spec.name} has no customers with paid invoices: nothing worth comparing`);
        }
        if (read === 'point' && (value as { customer: unknown }).customer === null) throw new DataMismatch(`the point read of ${system.spec.name} found no customer`);
      } else if (canonical !== reference.canonical) {
        throw new DataMismatch(`${system.spec.name} and ${reference.system} return different data for the ${read} read, first at ${firstDifference(value, reference.value)}`);
      }
      replies.set(replyKey(system.spec.name, read), text);
    }
  }
  return replies;
}
