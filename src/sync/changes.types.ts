import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar } from '../graphql/scalars';
import { TRACKED } from './tracked';

/** `CUSTOMER_NOTE` for `CustomerNote`: the feed's type filter as an enum a client can introspect. */
export function enumName(typename: string): string {
  return typename.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export const ChangedType = Object.fromEntries(TRACKED.map(({ typename }) => [enumName(typename), typename])) as Record<string, string>;
registerEnumType(ChangedType, {
  name: 'ChangedType',
  description: 'A type the change feed (`changes`) follows.',
  valuesConfig: Object.fromEntries(TRACKED.map(({ typename }) => [enumName(typename), { description: `${typename} objects.` }])),
});

export enum ChangeKind {
  UPSERTED = 'UPSERTED',
  DELETED = 'DELETED',
}
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What happened to an object in the change feed.',
  valuesConfig: {
    UPSERTED: { description: 'Created or changed: `node` holds it as it is now.' },
    DELETED: { description: 'Deleted: `node` is null; `nodeId` names what to remove.' },
  },
});

@ObjectType('Change', { description: 'The latest change of one object since the moment asked for.' })
export class Change {
  @Field(() => ChangeKind, { description: 'Whether the object was created or changed, or deleted.' })
  kind!: ChangeKind;

  @Field(() => ChangedType, { description: 'The type of the object.' })
  type!: string;

  @Field(() => ID, { description: 'The global id of the object (of a deleted one too).' })
  nodeId!: string;

  @Field(() => Int, { description: 'The numeric id the legacy APIs use for the object.' })
  legacyId!: number;

  @Field(() => DateTimeScalar, { description: 'When it last changed or was deleted (`updatedAt` of an object still there).' })
  changedAt!: Date;

  @Field(() => Node, { nullable: true, description: 'The object as it is now; null when it was deleted.' })
  node!: Node | null;
}
