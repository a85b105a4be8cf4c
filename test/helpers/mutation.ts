/**
 * Calls one mutation with an `input` variable and returns its payload, asserting there was no
 * top-level error: the shape the graph's write tests all use (`userErrors` is always selected).
 */
import { expect } from 'vitest';
import type { TestApp } from './app';

export type UserErrors = { field: string[]; message: string; code: string }[];

export async function runMutation<T>(t: TestApp, mutation: string, inputType: string, selection: string, input: Record<string, unknown>, token?: string): Promise<T & { userErrors: UserErrors }> {
  const res = await t.gql<Record<string, T & { userErrors: UserErrors }>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} userErrors { field message code } } }`,
    { input },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data[mutation]!;
}
