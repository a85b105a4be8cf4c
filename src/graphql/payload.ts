/**
 * One payload and one input type per mutation, named after it (`customerCreate` →
 * `CustomerCreatePayload`, `CustomerCreateInput`), as Shopify does: either can then grow a field
 * without touching another mutation, and a client's cache and typing per mutation are exact.
 * The schema lint's `mutation-own-payload` and `mutation-own-input` rules keep it so.
 *
 * Mutations of one shape (create and update of a thing) share a class that declares the fields;
 * these name one GraphQL type per mutation on it (type-graphql gives a class the fields of the
 * classes it extends). The shared class is decorated bare (`@ObjectType()`, `@InputType()`) so
 * type-graphql knows its fields; no resolver names it, so the schema does not show it.
 */
import { InputType, ObjectType, type ClassType } from 'type-graphql';

/** `customerCreate` → `CustomerCreate`. */
function typeNameOf(mutation: string): string {
  return mutation.charAt(0).toUpperCase() + mutation.slice(1);
}

/** The payload of `mutation` with the fields of `Shape`, described "What <mutation> returns: <outcome>." */
export function payloadOf<T extends object>(Shape: ClassType<T>, mutation: string, outcome: string): ClassType<T> {
  @ObjectType(`${typeNameOf(mutation)}Payload`, { description: `What ${mutation} returns: ${outcome}.` })
  class Payload extends (Shape as ClassType<object>) {}
  return Payload as ClassType<T>;
}

/** The input of `mutation` with the fields of `Shape`. */
export function inputOf<T extends object>(Shape: ClassType<T>, mutation: string, description: string): ClassType<T> {
  @InputType(`${typeNameOf(mutation)}Input`, { description })
  class Input extends (Shape as ClassType<object>) {}
  return Input as ClassType<T>;
}
