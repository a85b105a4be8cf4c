/**
 * How SIMPLer reports an application error: a descriptive string in place of the result, with
 * HTTP 200, as the legacy API does (`ERROR: invalid username/password` in its own document).
 * The one place domain errors become SIMPLer text, for SOAP and REST alike.
 *
 * Services name input fields by their domain names (`last4`, `syncRadius`); a legacy caller
 * sent `cc_last4` and `syncRADIUS`, so a problem's leading field name is put back into the
 * caller's vocabulary: the entry's explicit `wireNames`, else the parameter that equals the
 * field ignoring case, or ends in `_<field>`.
 */
import { DomainError } from '../../shared/errors';
import type { LegacyOperation } from '../catalog/operation';

export function simplerErrorText(error: DomainError, op?: LegacyOperation): string {
  if (!op) return `ERROR: ${error.message}`;
  const messages = error.problems.map((problem) => {
    const field = problem.field[problem.field.length - 1];
    const wire = field ? wireName(op, field) : undefined;
    return wire && problem.message.startsWith(`${field} `) ? `${wire}${problem.message.slice(field!.length)}` : problem.message;
  });
  return `ERROR: ${error.problems.length ? messages.join('; ') : error.message}`;
}

function wireName(op: LegacyOperation, field: string): string | undefined {
  const explicit = op.wireNames?.[field];
  if (explicit) return explicit;
  const lower = field.toLowerCase();
  const match = op.params.find((p) => p.name.toLowerCase() === lower) ?? op.params.find((p) => p.name.toLowerCase().endsWith(`_${lower}`));
  return match && match.name !== field ? match.name : undefined;
}

export function isApplicationError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
