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
});
