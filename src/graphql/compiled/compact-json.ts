/**
 * PostgreSQL's `json` text puts spaces around `:` and after `,` (and a newline between
 * `json_agg` elements); Apollo's `JSON.stringify` puts none. Dropping the whitespace outside
 * strings makes a compiled reply byte for byte the reply the resolvers give, so clients and
 * caches that hash bodies see one answer whichever path served it. Hand-written because it is a
 * single linear pass over text PostgreSQL has already checked to be JSON: parsing and
 * re-serialising it would cost several times more for the same bytes.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The index of the quote that closes the string opened at `open`, or -1 if none does. */
function closingQuote(text: string, open: number): number {
  let at = open;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return -1;
    let escapes = 0;
    while (text.charCodeAt(at - 1 - escapes) === BACKSLASH) escapes++;
    if (escapes % 2 === 0) return at;
  }
}

/**
 * Strings are skipped whole with indexOf (most of a reply's text is inside strings), which is
 * about four times faster than looking at each of their characters.
 */
export function compactJson(text: string): string {
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const close = closingQuote(text, i);
      if (close < 0) break;
      i = close + 1;
    } else if (isWhitespace(code)) {
      out += text.slice(runStart, i);
      i++;
      while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
      runStart = i;
    } else {
      i++;
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}
