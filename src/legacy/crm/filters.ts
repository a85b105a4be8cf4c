/**
 * What every CRM list call shares: the comparison filters (`limit1_gb=<50`, `price=≥80`), the
 * paging and sorting parameters (`rows_limit`, `rows_offset`, `sort_field`, `sort_order`,
 * `show_count`), Y/N flags, and the `ispid` tenancy check. Parsing only: the services build
 * the queries from the structured values returned here.
 */
import type { NumberComparison } from '../../catalog/plan.service';
import { DomainError, ForbiddenError } from '../../shared/errors';
import type { Args } from '../catalog/args';
import type { LegacyDocument, OperationContext, ParamSpec } from '../catalog/operation';
import { crmResult } from './envelope';

export const DEFAULT_ROWS_LIMIT = 10;
export const MAX_ROWS_LIMIT = 100;

/** The paging and sorting parameters of a list call; `sortFields` exactly as its document lists them. */
export function listParams(sortFields?: readonly string[]): ParamSpec[] {
  return [
    { name: 'rows_limit', kind: 'integer', doc: `Limit the number of records in result set. Default: ${DEFAULT_ROWS_LIMIT}, Max value: ${MAX_ROWS_LIMIT}` },
    { name: 'rows_offset', kind: 'integer', doc: 'Fetch records from this offset position. Default: 0' },
    ...(sortFields
      ? [
          { name: 'sort_field', kind: 'text', values: sortFields, doc: `Sorts the result: one of ${sortFields.join(', ')}. Default: ${sortFields[0]}` } as const,
          { name: 'sort_order', kind: 'text', values: ['asc', 'desc'], doc: 'asc or desc. Default: asc' } as const,
        ]
      : []),
    { name: 'show_count', kind: 'text', values: ['0', '1'], doc: 'Shows the records count only, ignoring rows_limit and rows_offset. Default: 0' },
  ];
}

export interface ListRequest<F extends string> {
  /** `show_count=1`: the number of matching records instead of the records. */
  countOnly: boolean;
  window: { limit: number; offset: number };
  order: { field: F; direction: 'asc' | 'desc' };
}

/** Reads the paging parameters; a limit above the maximum is an error, never silently capped. */
export function readListRequest<F extends string>(args: Args, defaultSort: F): ListRequest<F> {
  const limit = args.int('rows_limit') ?? DEFAULT_ROWS_LIMIT;
  const offset = args.int('rows_offset') ?? 0;
  const problems: string[] = [];
  if (limit < 1 || limit > MAX_ROWS_LIMIT) problems.push(`rows_limit must be from 1 to ${MAX_ROWS_LIMIT} (got ${limit})`);
  if (offset < 0) problems.push(`rows_offset must be 0 or more (got ${offset})`);
  if (problems.length) throw invalid(problems.join('; '));
  return {
    countOnly: args.text('show_count') === '1',
    window: { limit, offset },
    order: { field: (args.text('sort_field') || defaultSort) as F, direction: args.text('sort_order') === 'desc' ? 'desc' : 'asc' },
  };
}

const OPERATORS: readonly [string, NumberComparison['operator']][] = [
  // longest spellings first, so `<=` is not read as `<` followed by `=5`
  ['<=', '<='],
  ['>=', '>='],
  ['=<', '<='],
  ['=>', '>='],
  ['≤', '<='],
  ['≥', '>='],
  ['<', '<'],
  ['>', '>'],
  ['=', '='],
];
const NUMBER = /^(\d{1,12}(\.\d{1,6})?|\.\d{1,6})$/;

/**
 * A comparison filter: `<50`, `<=50`/`≤50`, `>80`, `>=80`/`≥80`, `=100`, or a bare number
 * (meaning `=`). Spaces around the operator are allowed. Anything else is an error naming the
 * parameter and the accepted forms.
 */
export function parseComparison(param: string, raw: string): NumberComparison {
  const text = raw.trim();
  const match = OPERATORS.find(([spelling]) => text.startsWith(spelling));
  const operator = match?.[1] ?? '=';
  const number = (match ? text.slice(match[0].length) : text).trim();
  if (!NUMBER.test(number)) {
    throw invalid(`${param}: "${raw}" is not a comparison; use a number, optionally preceded by <, <=, ≤, >, >=, ≥ or = (e.g. <50, ≥80, =100)`);
  }
  return { operator, value: number.startsWith('.') ? `0${number}` : number };
}

/** An optional comparison parameter. */
export function comparisonArg(args: Args, param: string): NumberComparison | null {
  const text = args.text(param);
  return text ? parseComparison(param, text) : null;
}

/** A `Y`/`N` parameter (declared with `values: YES_NO`): true, false, or undefined when not sent. */
export const YES_NO = ['Y', 'N'] as const;
export function yesNoArg(args: Args, param: string): boolean | undefined {
  const value = args.text(param);
  return value ? value === 'Y' : undefined;
}

export function yesNo(value: boolean): 'Y' | 'N' {
  return value ? 'Y' : 'N';
}

/**
 * `ispid`: the ISP is the caller's operator. A list filtered on another ISP matches nothing;
 * a write naming another ISP is refused rather than applied to the caller's own.
 */
export function isOwnIsp(ctx: OperationContext, args: Args): boolean {
  const ispId = args.int('ispid');
  return ispId == null || ispId === ctx.actor.operatorId;
}

export function requireOwnIsp(ctx: OperationContext, args: Args): void {
  if (!isOwnIsp(ctx, args)) throw new ForbiddenError(`ispid ${args.int('ispid')} is not the ISP of this userid (its ISP is ${ctx.actor.operatorId})`);
}

/**
 * The one walk of every list call: another ISP's records are never visible (that filter
 * matches nothing); `show_count=1` answers the count, otherwise the page as CRM records.
 */
export async function answerList<F extends string, R>(
  ctx: OperationContext,
  args: Args,
  request: ListRequest<F>,
  list: () => Promise<R[]>,
  count: () => Promise<number>,
  toRecord: (row: R) => unknown,
): Promise<LegacyDocument> {
  if (!isOwnIsp(ctx, args)) return crmResult(request.countOnly ? 0 : []);
  if (request.countOnly) return crmResult(await count());
  return crmResult((await list()).map(toRecord));
}

/** A stored timestamp as the CRM shows dates: `YYYY-MM-DD HH:MM:SS` (UTC). */
export function crmDateTime(value: Date): string {
  return value.toISOString().slice(0, 19).replace('T', ' ');
}

function invalid(message: string): DomainError {
  return new DomainError('INVALID', message);
}
