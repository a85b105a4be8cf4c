/**
 * Jaze API v1 reply envelopes. Successful replies are whatever the endpoint documents (most are
 * `{ status: "success", errorCode: 200, data | message }`; a few are bare arrays); failures are
 * always `{ status: "failure", errorCode, message }` with a message a person can act on. The
 * document's `"errorCode" = 200` is a typo for `"errorCode": 200`; replies are valid JSON.
 * This is the one place domain errors become Jaze failures.
 */
import type { DomainError, ErrorCode } from '../../shared/errors';
import type { LegacyDocument } from '../catalog/operation';

export function jazeData(data: unknown): LegacyDocument {
  return { json: { status: 'success', errorCode: 200, data } };
}

export function jazeMessage(message: unknown): LegacyDocument {
  return { json: { status: 'success', errorCode: 200, message } };
}

/** A reply body exactly as the endpoint documents it (bare arrays and other odd shapes). */
export function jazeRaw(body: unknown): LegacyDocument {
  return { json: body };
}

const CODES: Record<ErrorCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

export interface JazeFailure {
  status: 'failure';
  errorCode: number;
  message: string;
}

export function jazeFailure(error: DomainError): JazeFailure {
  return { status: 'failure', errorCode: CODES[error.code], message: error.message };
}
