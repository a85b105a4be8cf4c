/**
 * The request's inputs, read before anything runs: variables are coerced against their
 * declared types here (so a `1.5` for an `Int` is the caller's mistake, HTTP 400
 * BAD_USER_INPUT, like the same mistake written inline), and every string — in variables and
 * in the document's literals — must be storable text (src/input: no NUL, no lone surrogate).
 */
import { getVariableValues, GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { findUnstorableText, unstorableTextProblem } from '../../input';

/** Throws BAD_USER_INPUT naming the bad variables, when any does not coerce to its declared type. */
export function checkVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): void {
  const bad = findUnstorableText(variables ?? {}, 'variables');
  if (bad) throw badInput(`${bad.path} ${bad.problem}`);
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 5 });
  if (result.errors) throw badInput(result.errors.map((e) => e.message).join('; '));
}

/** Refuses string literals (and block strings) that cannot be stored. */
export function checkLiterals(document: DocumentNode): void {
  visit(document, {
    [Kind.STRING](node) {
      const problem = unstorableTextProblem(node.value);
      if (problem) throw badInput(`a string in the query ${problem}`);
    },
  });
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}
