/**
 * The one error vocabulary of the domain. Services throw these; each surface maps them to its
 * own shape in one place (GraphQL: src/graphql/errors.ts; the legacy dialects: their adapters).
 * Anything else thrown is a fault: logged, and reported to the client without details.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS';

export interface FieldProblem {
  /** Path to the input field at fault, e.g. ['input', 'email']; empty for the input as a whole. */
  field: string[];
  message: string;
  code: ErrorCode;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly problems: FieldProblem[];

  constructor(code: ErrorCode, message: string, problems?: FieldProblem[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.problems = problems ?? [{ field: [], message, code }];
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string | number, field: string[] = []) {
    super('NOT_FOUND', `${what} ${id} does not exist`, [{ field, message: `${what} ${id} does not exist`, code: 'NOT_FOUND' }]);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'you are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, field: string[] = []) {
    super('CONFLICT', message, [{ field, message, code: 'CONFLICT' }]);
  }
}

export class PreconditionFailedError extends DomainError {
  constructor(message: string, problems?: FieldProblem[]) {
    super('PRECONDITION_FAILED', message, problems);
  }
}

/**
 * Refused without checking the secret: this address (or this credential from it) failed too
 * often, see src/throttle. Surfaces say so in their own shape, with the wait in seconds.
 */
export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `too many failed attempts, retry in ${retryAfterSeconds} s`);
    this.name = 'TooManyAttemptsError';
  }
}

/** Collects every problem with an input, so the caller can fix them all at once. */
export class Validation {
  private readonly problems: FieldProblem[] = [];

  add(field: string | string[], message: string, code: ErrorCode = 'INVALID'): this {
    this.problems.push({ field: Array.isArray(field) ? field : [field], message, code });
    return this;
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws one DomainError carrying every problem found, if there were any. */
  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const first = this.problems[0]!;
    const code = this.problems.every((p) => p.code === first.code) ? first.code : 'INVALID';
    throw new DomainError(code, this.problems.map((p) => p.message).join('; '), this.problems);
  }
}
