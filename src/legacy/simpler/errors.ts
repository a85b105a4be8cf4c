/**
 * How SIMPLer reports an application error: a descriptive string in place of the result, with
 * HTTP 200, as the legacy API does (`ERROR: invalid username/password` in its own document).
 * The one place domain errors become SIMPLer text, for SOAP and REST alike.
 */
import { DomainError } from '../../shared/errors';

export function simplerErrorText(error: DomainError): string {
  return `ERROR: ${error.message}`;
}

export function isApplicationError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
