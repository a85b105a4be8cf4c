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

export function compactJson(text: string): string {
  let out = '';
  let runStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (isWhitespace(code)) {
      out += text.slice(runStart, i);
      while (i + 1 < text.length && isWhitespace(text.charCodeAt(i + 1))) i++;
      runStart = i + 1;
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}
