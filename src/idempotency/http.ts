/**
 * The legacy dialects' documents have no field for a key, so their HTTP adapters accept one in an
 * `Idempotency-Key` request header (an ispgraph extension, the header name the IETF draft and
 * Stripe use). Operations that move money pass it to their service; the others ignore it.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The header's value as sent (the service validates it), or undefined when absent. */
export function idempotencyKeyFrom(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[IDEMPOTENCY_KEY_HEADER];
  return Array.isArray(value) ? value.join(', ') : value;
}
