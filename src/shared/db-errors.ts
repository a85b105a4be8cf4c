/** Recognising database errors a service turns into domain errors (a lost race on a unique key). */
const UNIQUE_VIOLATION = '23505';

/** The violated constraint's name when `error` (or a cause) is a unique violation, else undefined. */
export function uniqueViolation(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: string; constraint_name?: string; constraint?: string };
    if (e.code === UNIQUE_VIOLATION) return e.constraint_name ?? e.constraint ?? '';
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
