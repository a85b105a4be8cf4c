/** Which failures count as "the database is unavailable" (503, retry) and which stay faults or domain errors. */
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/availability';
import { ConflictError } from '../../src/shared/errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
/** How drizzle wraps a driver error: its own message holds the SQL, the driver's error is the cause. */
const drizzleWrapped = (cause: Error) => new Error('Failed query: select 1\nparams: ', { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['refused connection', withCode('ECONNREFUSED')],
    ['reset connection', withCode('ECONNRESET')],
    ['postgres.js CONNECTION_CLOSED', withCode('CONNECTION_CLOSED')],
    ['postgres.js CONNECT_TIMEOUT', withCode('CONNECT_TIMEOUT')],
    ['admin shutdown 57P01', withCode('57P01', 'terminating connection due to administrator command')],
    ['cannot connect now 57P03', withCode('57P03', 'the database system is starting up')],
    ['connection failure 08006', withCode('08006')],
    ['wrapped by drizzle', drizzleWrapped(withCode('57P01'))],
    ['inside an AggregateError', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed')],
  ])('%s: unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation 23505', drizzleWrapped(withCode('23505'))],
    ['undefined column 42703', withCode('42703')],
    ['a plain bug', new TypeError('x is undefined')],
    ['a domain error', new ConflictError('nickname taken')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s: not unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
