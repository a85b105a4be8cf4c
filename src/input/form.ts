/**
 * `application/x-www-form-urlencoded` (query strings and form bodies), decoded strictly.
 * URLSearchParams turns a bad %-escape or non-UTF-8 bytes into U+FFFD without a word; legacy
 * callers deserve to hear that their request was not read as sent, so this small decoder is
 * ours: split on `&` and the first `=`, `+` is a space, and every %-escape must decode.
 */
import { InvalidEncodingError } from './text';

export function parseFormEncoded(text: string, what: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = equals < 0 ? part : part.slice(0, equals);
    const value = equals < 0 ? '' : part.slice(equals + 1);
    pairs.push([decodeComponent(key, what), decodeComponent(value, what)]);
  }
  return pairs;
}

function decodeComponent(text: string, what: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new InvalidEncodingError(`${what} holds a %-escape that is not UTF-8 text`);
  }
}
