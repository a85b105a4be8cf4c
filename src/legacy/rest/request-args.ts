/**
 * Reading the arguments of a legacy REST call, the way their clients send them: query-string
 * parameters, overridden by a JSON object or form-encoded body (curl sends JSON even with GET),
 * overridden by path parameters (`/api/v1/get_details/:user_id`).
 */
import type { RequestContext } from '../../server/http';
import type { RawArgs } from '../catalog/args';

/** The request could not be read as parameters: a client error (HTTP 400), never dispatched. */
export class RequestFormatError extends Error {}

/** `pathParams: false` where a path segment names the operation rather than an argument (SIMPLer `/API/:operation`). */
export async function readRequestArgs(ctx: RequestContext, options: { pathParams?: boolean } = {}): Promise<RawArgs> {
  const raw: RawArgs = new Map();
  for (const [key, value] of ctx.url.searchParams) raw.set(key, value);
  const body = (await ctx.body()).toString('utf8').trim();
  if (body) {
    const type = String(ctx.req.headers['content-type'] ?? '').toLowerCase();
    if (type.includes('json') || body.startsWith('{') || body.startsWith('[')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch (error) {
        throw new RequestFormatError(`malformed JSON body: ${(error as Error).message}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RequestFormatError('the JSON body must be an object of parameters');
      for (const [key, value] of Object.entries(parsed)) raw.set(key, jsonValue(key, value));
    } else {
      for (const [key, value] of new URLSearchParams(body)) raw.set(key, value);
    }
  }
  if (options.pathParams !== false) for (const [key, value] of Object.entries(ctx.params)) raw.set(key, value);
  return raw;
}

function jsonValue(key: string, value: unknown): string | string[] | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value) && value.every((v) => ['string', 'number'].includes(typeof v))) return value.map(String);
  throw new RequestFormatError(`${key} must be a string, number, boolean or list of those`);
}
