/**
 * How M4 reports a refused request: `<page><status><error>…</error></status></page>` with
 * HTTP 200, using the document's own error strings. The one place domain errors become M4 text.
 *
 * The document's error example is the bare `<status>` fragment; replies keep the `<page>` root
 * of its success reply, so one parser (`page/status/error` or `//error`) reads both.
 */
import { DomainError } from '../../shared/errors';
import { M4AuthenticationError, type M4RefusalReason } from '../../tenancy/auth.service';
import { el, type XmlElement } from '../xml/write';

export const M4_ERRORS = {
  apiDisabled: 'API Requests are disabled',
  getDisabled: 'GET Requests are disabled',
  accessDenied: 'Access Denied',
  incorrectHash: 'Incorrect hash',
  notAuthorized: 'You are not authorized to view this page',
  userNotFound: 'User was not found',
} as const;

const REFUSALS: Record<M4RefusalReason, string> = {
  api_disabled: M4_ERRORS.apiDisabled,
  get_disabled: M4_ERRORS.getDisabled,
  denied: M4_ERRORS.accessDenied,
  bad_hash: M4_ERRORS.incorrectHash,
};

/** The document's text for a domain error; undocumented cases (bad parameters) keep the service's message. */
export function m4ErrorText(error: DomainError): string {
  if (error instanceof M4AuthenticationError) return REFUSALS[error.reason];
  switch (error.code) {
    case 'TOO_MANY_REQUESTS':
      // Not in the document: M4 has no throttle. Our own words, in its <error> element.
      return error.message;
    case 'UNAUTHENTICATED':
      return M4_ERRORS.accessDenied;
    case 'FORBIDDEN':
      return M4_ERRORS.notAuthorized;
    case 'NOT_FOUND':
      return M4_ERRORS.userNotFound;
    default:
      return error.message;
  }
}

export function m4ErrorDocument(text: string): XmlElement {
  return el('page', [el('status', [el('error', [text])])]);
}
