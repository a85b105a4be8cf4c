/**
 * Reading the arguments of a legacy REST call, the way their clients send them: query-string
 * parameters, overridden by a JSON object or form-encoded body (curl sends JSON even with GET),
 * overridden by path parameters (`/api/v1/get_details/:user_id`).
 */
import { decodeUtf8, InvalidEncodingError, parseFormEncoded, parseJsonKeepingNumbers } from '../../input';
import type { RequestContext } from '../../server/http';
import type { RawArgs } from '../catalog/args';

/** The request could not be read as parameters: a client error (HTTP 400), never dispatched. */
export class RequestFormatError extends Error {}

/** `pathParams: false` where a path segment names the operation rather than an argument (SIMPLer `/API/:operation`). */
export async function readRequestArgs(ctx: RequestContext, options: { pathParams?: boolean } = {}): Promise<RawArgs> {
  try {
    return await readArgsStrictly(ctx, options);
  } catch (error) {
    if (error instanceof InvalidEncodingError) throw new RequestFormatError(error.message);
    throw error;
  }
}

async function readArgsStrictly(ctx: RequestContext, options: { pathParams?: boolean }): Promise<RawArgs> {
  const raw: RawArgs = new Map();
  for (const [key, value] of parseFormEncoded(ctx.url.search.slice(1), 'the query string')) raw.set(key, value);
  const body = decodeUtf8(await ctx.body(), 'the request body').trim();
  if (body) {
    const type = String(ctx.req.headers['content-type'] ?? '').toLowerCase();
    if (type.includes('json') || body.startsWith('{') || body.startsWith('[')) {
      let parsed: unknown;
      try {
        parsed = parseJsonKeepingNumbers(body);
      } catch (error) {
        throw new RequestFormatError(`malformed JSON body: ${(error as Error).message}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RequestFormatError('the JSON body must be an object of parameters');
      for (const [key, value] of Object.entries(parsed)) addJson(raw, key, value, 0);
    } else {
      for (const [key, value] of parseFormEncoded(body, 'the form body')) add(raw, key, value);
    }
  }
  if (options.pathParams !== false) for (const [key, value] of Object.entries(ctx.params)) raw.set(key, value);
  return raw;
}

/** A form key sent more than once (`userIds[]=1&userIds[]=2`) is a list. */
function add(raw: RawArgs, key: string, value: string): void {
  const previous = raw.get(key);
  if (previous === undefined) raw.set(key, value);
  else raw.set(key, [...(Array.isArray(previous) ? previous : previous === null ? [] : [previous]), value]);
}

/**
 * JSON values as the same arguments a form would carry: scalars as text, lists of scalars as
 * lists, and nested objects/lists of objects as PHP-style keys (`vendorData[0][attribute]`).
 */
function addJson(raw: RawArgs, key: string, value: unknown, depth: number): void {
  if (depth > 4) throw new RequestFormatError(`${key} is nested too deeply`);
  if (value === null) raw.set(key, null);
  else if (typeof value === 'string') raw.set(key, value);
  // Numbers arrive as the characters sent (parseJsonKeepingNumbers); a JSON boolean stays the
  // word true/false, which only boolean parameters accept (never an id 1, never a "1" flag value).
  else if (typeof value === 'boolean') raw.set(key, String(value));
  else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) raw.set(key, value);
  else if (Array.isArray(value)) value.forEach((item, i) => addJson(raw, `${key}[${i}]`, item, depth + 1));
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) addJson(raw, `${key}[${k}]`, v, depth + 1);
  else throw new RequestFormatError(`${key} must be a string, number, boolean, list or object`);
}
