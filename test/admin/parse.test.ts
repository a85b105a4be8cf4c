/** The admin CLI's argument rules and the access-list network rule, without a database. */
import { describe, expect, it } from 'vitest';
import { parseCommand, parseExpiry, UsageError } from '../../src/tenancy/cli/parse';
import { parseNetwork } from '../../src/tenancy/ip-network';

describe('access-list networks', () => {
  it('takes CIDRs and single addresses of both families', () => {
    expect(parseNetwork('192.0.2.0/24')).toEqual({ ok: true, network: '192.0.2.0/24' });
    expect(parseNetwork('127.0.0.1')).toEqual({ ok: true, network: '127.0.0.1/32' });
    expect(parseNetwork('::1')).toEqual({ ok: true, network: '::1/128' });
    expect(parseNetwork('2001:db8::/32')).toEqual({ ok: true, network: '2001:db8::/32' });
    expect(parseNetwork('::ffff:10.0.0.0/120')).toEqual({ ok: true, network: '::ffff:10.0.0.0/120' });
  });

  it('refuses host bits after the prefix, naming the network meant, and anything that is not a network', () => {
    expect(parseNetwork('10.0.0.1/8')).toMatchObject({ ok: false, message: expect.stringContaining('did you mean 10.0.0.0/8') });
    expect(parseNetwork('2001:db8::1/32')).toMatchObject({ ok: false, message: expect.stringContaining('after the /32 prefix') });
    for (const bad of ['10.0.0.0/33', '10.0.0.0/', 'fe80::1%eth0', 'example.com', '10.0.0.0/8/8', '']) expect(parseNetwork(bad).ok, bad).toBe(false);
  });
});

describe('admin CLI arguments', () => {
  const spec = { positional: ['username'], options: { operator: 'string', allow: 'list', all: 'boolean' }, required: ['operator'], summary: '' } as const;
  const parse = (argv: string[]) => parseCommand('user', 'create', { ...spec, options: { ...spec.options }, positional: [...spec.positional], required: [...spec.required] }, argv);

  it('reads positionals, --name value, --name=value, repeated lists and flags', () => {
    expect(parse(['bob', '--operator=acme', '--allow', '10.0.0.0/8', '--allow', '::1', '--all'])).toEqual({
      positional: { username: 'bob' },
      options: { operator: 'acme', allow: ['10.0.0.0/8', '::1'], all: true },
    });
  });

  it('refuses unknown options, missing values, missing required options and stray arguments', () => {
    expect(() => parse(['bob', '--operator', 'acme', '--operater', 'x'])).toThrow(/unknown option --operater/);
    expect(() => parse(['bob', '--operator'])).toThrow(/--operator needs a value/);
    expect(() => parse(['bob'])).toThrow(/--operator is required/);
    expect(() => parse(['bob', 'alice', '--operator', 'acme'])).toThrow(UsageError);
    expect(() => parse(['--operator', 'acme'])).toThrow(/expected <username>, got none/);
  });

  it('reads an expiry as an ISO date, a date-time with its offset, or a duration from now', () => {
    const now = Date.UTC(2030, 0, 15, 12, 0, 0);
    expect(parseExpiry('token', '90d', now).toISOString()).toBe('2030-04-15T12:00:00.000Z');
    expect(parseExpiry('token', '12h', now).toISOString()).toBe('2030-01-16T00:00:00.000Z');
    expect(parseExpiry('token', '2031-03-31').toISOString()).toBe('2031-03-31T00:00:00.000Z');
    expect(parseExpiry('token', '2031-03-31T18:00:00+01:00').toISOString()).toBe('2031-03-31T17:00:00.000Z');
    for (const bad of ['90', 'tomorrow', '2031-02-30', '2031-02-30x', '2031-03-31T18:00']) expect(() => parseExpiry('token', bad), bad).toThrow(UsageError);
  });
});
