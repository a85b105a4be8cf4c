import { describe, expect, it } from 'vitest';
import { compactJson } from '../../src/graphql/compiled/compact-json';

describe('compactJson (the compiled read path’s reply bytes)', () => {
  it('gives JSON.stringify’s bytes for PostgreSQL’s json text', () => {
    const fromPostgres = '{"a" : 1, "b" : [{"c" : null}, \n {"c" : true}], "d" : {"e" : -1.5}}';
    expect(compactJson(fromPostgres)).toBe(JSON.stringify(JSON.parse(fromPostgres)));
  });

  it('keeps whitespace, quotes and backslashes inside strings as they are', () => {
    const value = { name: 'O\'Brien  &\t "Sons" \\ \n end', path: 'C:\\\\dir\\', empty: '', spaces: '   ' };
    const pretty = JSON.stringify(value, null, 2);
    expect(compactJson(pretty)).toBe(JSON.stringify(value));
    expect(JSON.parse(compactJson(pretty))).toEqual(value);
  });

  it('returns text without whitespace unchanged', () => {
    expect(compactJson('{"a":"b c"}')).toBe('{"a":"b c"}');
    expect(compactJson('[]')).toBe('[]');
  });

  it('gives JSON.stringify’s bytes for random values, strings full of quotes and backslashes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['"', '\\', '\\"', ' ', '\n', 'a', 'é', '\\\\', '" : ', ', '];
    const text = (): string => Array.from({ length: Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    const value = (depth: number): unknown => {
      const kind = Math.floor(next() * (depth > 3 ? 4 : 6));
      if (kind === 0) return text();
      if (kind === 1) return Math.round(next() * 1e6) / 100;
      if (kind === 2) return next() < 0.5 ? null : next() < 0.5;
      if (kind === 3) return text();
      if (kind === 4) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [text(), value(depth + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const v = value(0);
      expect(compactJson(JSON.stringify(v, null, 1 + (i % 3)))).toBe(JSON.stringify(v));
    }
  });
});
