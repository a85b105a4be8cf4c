/**
 * ISP CRM reply envelopes: `{ "result": <value>, "error": null }` on success and
 * `{ "result": null, "error": "<description>" }` on failure, as both CRM documents show. This is
 * the one place domain errors become CRM failures.
 */
import type { DomainError } from '../../shared/errors';
import type { LegacyDocument } from '../catalog/operation';

export interface CrmReply {
  result: unknown;
  error: string | null;
}

/** A successful reply carrying `result` (a list, a count, a new id, or "done"). */
export function crmResult(result: unknown): LegacyDocument {
  return { json: { result, error: null } satisfies CrmReply };
}

/** What the document's write calls answer on success. */
export const DONE = 'done';

export function crmFailure(message: string): CrmReply {
  return { result: null, error: message };
}

export function crmErrorReply(error: DomainError): CrmReply {
  return crmFailure(error.message);
}
