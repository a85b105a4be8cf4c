/**
 * How deeply a GraphQL source nests its brackets, found by one linear scan before anything
 * parses it. graphql-js parses recursively, so a document nested thousands of levels deep
 * (`{a{a{…` or `[[[…` in an argument) would exhaust the stack inside the parser; refusing it
 * here keeps every later walk — parser, validation, cost — far from that edge, whatever the
 * token count. Strings, block strings and comments are skipped, as the lexer would.
 */
/** Brackets `{ [ (` open at once: field depth 20 plus arguments and list literals leave ample room. */
export const MAX_SOURCE_NESTING = 64;

/** True when the source opens more than `limit` brackets at once. */
export function nestsDeeperThan(source: string, limit = MAX_SOURCE_NESTING): boolean {
  let open = 0;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (ch === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end < 0 ? source.length : end + 2;
      } else {
        i++;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (ch === '{' || ch === '[' || ch === '(') {
      if (++open > limit) return true;
    } else if (ch === '}' || ch === ']' || ch === ')') {
      open = Math.max(0, open - 1);
    }
    i++;
  }
  return false;
}
