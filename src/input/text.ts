/** Strict text decoding and the one rule on storable text (see index.ts). */

/** Bytes that are not UTF-8, or a %-escape that does not decode: a client error. */
export class InvalidEncodingError extends Error {}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text, refusing anything that is not UTF-8 (never substitutes U+FFFD). */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new InvalidEncodingError(`${what} is not valid UTF-8`);
  }
}

// A lone UTF-16 surrogate (JSON "\ud800") has no UTF-8 form either.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this text cannot be stored as sent, or null when it can. */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'is not valid Unicode text';
  return null;
}

/**
 * The first string inside `value` (walked iteratively, keys included) that cannot be stored,
 * with a path naming where it is; null when all are fine.
 */
export function findUnstorableText(value: unknown, rootName: string): { path: string; problem: string } | null {
  const stack: [unknown, string][] = [[value, rootName]];
  let visited = 0;
  while (stack.length) {
    const [current, path] = stack.pop()!;
    if (++visited > 1_000_000) return { path: rootName, problem: 'is too large' };
    if (typeof current === 'string') {
      const problem = unstorableTextProblem(current);
      if (problem) return { path, problem };
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push([item, `${path}[${i}]`]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const problem = unstorableTextProblem(key);
        if (problem) return { path: `${path} key`, problem };
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return null;
}
