/**
 * The one shape of every delete: `<Name>DeleteInput { id }` and `<Name>DeletePayload
 * { deletedId, userErrors }`, so a client handles any removal the same way, and
 * `deleteMutation` runs the service and echoes the id it was given.
 */
import { Field, ID, InputType, ObjectType, type ClassType } from 'type-graphql';
import { idOf } from './ids';
import { mutate, UserError } from './user-error';

export interface DeleteInputValue {
  id: string;
}
export interface DeletePayloadValue {
  deletedId: string | null;
  userErrors: UserError[];
}

const declared = new Map<string, { Input: ClassType<DeleteInputValue>; Payload: ClassType<DeletePayloadValue> }>();

/** Declares (once per node type) its delete input and payload. */
export function DeleteTypes(name: string, what = name): { Input: ClassType<DeleteInputValue>; Payload: ClassType<DeletePayloadValue> } {
  const existing = declared.get(name);
  if (existing) return existing;

  @InputType(`${name}DeleteInput`, { description: `Names the ${what} to delete.` })
  class Input {
    @Field(() => ID, { description: `The ${what} to delete.` }) id!: string;
  }

  @ObjectType(`${name}DeletePayload`, { description: `The result of deleting the ${what}.` })
  class Payload {
    @Field(() => ID, { nullable: true, description: `The id of the deleted ${what}; null when nothing was deleted.` }) deletedId!: string | null;
    @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
  }

  const types = { Input, Payload };
  declared.set(name, types);
  return types;
}

/** Parses the input's global id as `type`, runs `remove` with the row id, echoes the id. */
export function deleteMutation(type: string, input: DeleteInputValue, remove: (id: number) => Promise<unknown>): Promise<DeletePayloadValue> {
  return mutate(async () => {
    await remove(idOf(input.id, type, ['id']));
    return { deletedId: input.id };
  }, { deletedId: null });
}

