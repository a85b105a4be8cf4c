/**
 * A one-line description of an error for logs: the message and its causes, without the SQL
 * text and bind values that drizzle puts in its query errors (they may hold personal data).
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof Error) {
      const message = current.message.startsWith('Failed query:') ? 'query failed' : current.message;
      parts.push(message.split('\n')[0]!.slice(0, 500));
      current = (current as Error & { cause?: unknown }).cause;
    } else {
      parts.push(String(current).slice(0, 500));
      break;
    }
  }
  return parts.join(': ');
}
