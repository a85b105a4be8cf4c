/**
 * JSON.parse, except that every number comes back as the exact characters the caller wrote
 * (`1.0` stays "1.0", `1e2` stays "1e2"), so the argument readers can hold numbers to their
 * documented forms. Node 20's JSON.parse offers no access to a number's source text, hence
 * this small pass of ours: it validates with JSON.parse first, then quotes each number token
 * outside strings and parses again.
 */
export function parseJsonKeepingNumbers(text: string): unknown {
  JSON.parse(text); // throws SyntaxError on anything that is not JSON
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      let j = i + 1;
      while (j < text.length && /[0-9eE+\-.]/.test(text[j]!)) j++;
      out += `"${text.slice(i, j)}"`;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return JSON.parse(out);
}
