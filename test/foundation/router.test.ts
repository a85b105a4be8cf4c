/**
 * The front door's router picks the first registered route that matches a path, whatever the
 * index by first segment it keeps for speed: these cases would route differently if the index
 * lost a route or reordered them.
 */
import { describe, expect, it } from 'vitest';
import { Router } from '../../src/server/http';

const router = () => {
  const r = new Router();
  const handler = () => {};
  r.add('GET', '/API/:operation', 'rest', handler);
  r.add('GET', '/:anything/fixed', 'param-first', handler);
  r.add('GET', '/API/special', 'never', handler); // shadowed by /API/:operation, registered first
  r.add(['GET', 'POST'], '/graphql', 'graphql', handler);
  r.add('POST', '/customer', 'simpler-root', handler);
  r.add('GET', '/files/*', 'prefix', handler);
  r.add('GET', '/', 'system', handler);
  r.add('GET', '/livez', 'probe', handler, { whileStarting: true });
  return r;
};

const surfaceOf = (found: ReturnType<Router['match']>) => (found === null ? null : 'route' in found ? found.route.surface : `405:${found.allowed.join(',')}`);

describe('Router', () => {
  it('keeps registration order between literal and parameter routes', () => {
    const r = router();
    expect(surfaceOf(r.match('GET', '/API/special'))).toBe('rest');
    expect(surfaceOf(r.match('GET', '/API/fixed'))).toBe('rest');
    expect(surfaceOf(r.match('GET', '/customer/fixed'))).toBe('param-first');
    expect(surfaceOf(r.match('GET', '/unknown/fixed'))).toBe('param-first');
  });

  it('matches literal first segments, prefixes, the root, and HEAD as GET', () => {
    const r = router();
    expect(surfaceOf(r.match('POST', '/graphql'))).toBe('graphql');
    expect(surfaceOf(r.match('GET', '/files/a/b/c'))).toBe('prefix');
    expect(surfaceOf(r.match('GET', '/'))).toBe('system');
    expect(surfaceOf(r.match('HEAD', '/graphql'))).toBe('graphql');
  });

  it('answers 405 with the allowed methods, and nothing for unknown paths', () => {
    const r = router();
    expect(surfaceOf(r.match('GET', '/customer'))).toBe('405:POST');
    expect(surfaceOf(r.match('DELETE', '/graphql'))).toBe('405:GET,POST');
    expect(r.match('GET', '/nothing/here')).toBeNull();
    expect(r.match('GET', '/graphql/extra')).toBeNull();
  });

  it('matches only probe routes while starting, and routes added later', () => {
    const r = router();
    expect(surfaceOf(r.match('GET', '/livez', true))).toBe('probe');
    expect(r.match('POST', '/graphql', true)).toBeNull();
    expect(r.match('GET', '/late')).toBeNull();
    r.add('GET', '/late', 'late', () => {});
    expect(surfaceOf(r.match('GET', '/late'))).toBe('late');
  });
});
