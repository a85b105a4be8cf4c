/**
 * Partial updates everywhere follow one rule: `undefined` means "leave as it is" (the field was
 * not sent), `null` means "clear it". This keeps the fields a caller set, trimming text.
 */
export function setFields<T extends object>(input: T, options: { trim?: boolean } = {}): Partial<T> {
  const trim = options.trim ?? true;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    out[key] = trim && typeof value === 'string' ? value.trim() : value;
  }
  return out as Partial<T>;
}
