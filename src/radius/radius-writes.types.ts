/** GraphQL inputs and payloads of RADIUS logins and of a customer's radcheck/radreply/radusergroup rows. */
import { payloadOf } from '../graphql/payload';
import { RadiusOperator } from './radius.enums';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { UserError } from '../graphql/user-error';
import { RadiusAccount } from './radius.types';
import { DateTimeScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';
import { STAMP_DESCRIPTIONS } from '../sync/stamps';

@InputType({ description: 'A RADIUS login for a customer (SIMPLer addRADIUSdetails). Give customerId or existingRadiusUsername.' })
export class RadiusAccountCreateInput {
  @Field(() => ID, { nullable: true, description: 'The customer the login belongs to.' }) customerId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of customerId: a username the customer already has.' }) existingRadiusUsername?: string | null;
  @Field(() => String, { description: 'Unique across every operator.' }) username!: string;
  @Field(() => String, { nullable: true, description: 'May be left out; stored as radcheck Cleartext-Password.' }) password?: string | null;
  @Field(() => Int, { nullable: true, description: "Order among the customer's logins." }) priority?: number | null;
}

@InputType({ description: "Changes a customer's RADIUS login; fields left out stay as they are. The username and the customer do not change." })
export class RadiusAccountUpdateInput {
  @Field(() => ID, { description: 'The RADIUS account to change.' }) id!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The new password FreeRADIUS authenticates the login with (PAP, CHAP, MS-CHAP); it takes effect at the next authentication and is never returned. ' +
      'null or an empty string leaves the login without a password, as radiusAccountCreate allows: FreeRADIUS then no longer accepts it by password. Leave the field out to keep the current one.',
  })
  password?: string | null;
  @Field(() => Int, { nullable: true, description: "The new order among the customer's logins, 0 or more; null removes it (the login then comes last)." }) priority?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the login keeps its RADIUS group when groups are re-derived from subscriptions; null leaves it as it is.' })
  excludeFromAutoGroupFromBucket?: boolean | null;
}

@InputType({ description: 'Names the RADIUS account to delete.' })
export class RadiusAccountDeleteInput {
  @Field(() => String, { description: 'The RADIUS username to delete.' }) username!: string;
}

/** The fields of the payloads of radiusAccountCreate and radiusAccountUpdate (each its own type): payloadOf below. */
@ObjectType()
export class RadiusAccountPayload {
  @Field(() => RadiusAccount, { nullable: true, description: 'The RADIUS account as it now is; null when the change was refused.' }) radiusAccount!: RadiusAccount | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const RadiusAccountCreatePayload = payloadOf(RadiusAccountPayload, 'radiusAccountCreate', 'the new RADIUS account, or why it was refused');
export const RadiusAccountUpdatePayload = payloadOf(RadiusAccountPayload, 'radiusAccountUpdate', 'the RADIUS account as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting the RADIUS account.' })
export class RadiusAccountDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted RADIUS account; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

export enum RadiusTable {
  CHECK = 'radcheck',
  REPLY = 'radreply',
  USERGROUP = 'radusergroup',
}
registerEnumType(RadiusTable, {
  name: 'RadiusTable',
  description: 'FreeRADIUS per-user tables: check items, reply items, group membership.',
  valuesConfig: {
    USERGROUP: { description: 'Group memberships (radusergroup).' },
    REPLY: { description: 'Reply items (radreply).' },
    CHECK: { description: 'Check items (radcheck).' },
  },
});

@ObjectType('RadiusAttribute', {
  implements: Node,
  description: 'A RADIUS check item, reply item or group membership of one username (for a group membership, value is the group name).',
})
export class RadiusAttribute extends NumberedNode {
  @Field(() => RadiusTable, { description: 'Check item, reply item or group membership.' }) table!: RadiusTable;
  @Field(() => String, { description: 'The RADIUS username the row belongs to.' }) username!: string;
  @Field(() => String, { nullable: true, description: 'Null for usergroup rows.' }) attribute!: string | null;
  @Field(() => RadiusOperator, { nullable: true, description: 'How the attribute is compared or given; null for group memberships.' }) op!: RadiusOperator | null;
  @Field(() => String, {
    nullable: true,
    description: 'The value; the group name for usergroup rows.',
  })
  value!: string | null;
  @Field(() => Boolean, {
    description: 'Whether `value` is a secret withheld from this reply. `radiusAttributes(reveal: true)` serves it to roles with the secrets.read permission, and records the read in the audit trail.',
  })
  masked!: boolean;
  @Field(() => Int, { nullable: true, description: 'Usergroup rows only.' }) priority!: number | null;
  @Field(() => DateTimeScalar, { description: STAMP_DESCRIPTIONS.createdAt }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: STAMP_DESCRIPTIONS.updatedAt }) updatedAt!: Date;
}

@InputType({ description: "Adds a row for one of the customer's RADIUS usernames (SIMPLer customerRadius add)." })
export class RadiusAttributeCreateInput {
  @Field(() => RadiusTable, { description: 'Check item, reply item or group membership.' }) table!: RadiusTable;
  @Field(() => ID, { description: 'The customer owning the username.' }) customerId!: string;
  @Field(() => String, { description: 'One of the customer\'s RADIUS usernames.' }) username!: string;
  @Field(() => String, { nullable: true, description: 'Required for CHECK and REPLY.' }) attribute?: string | null;
  @Field(() => RadiusOperator, { nullable: true, description: 'SET for CHECK and ADD for REPLY when left out.' }) op?: RadiusOperator | null;
  @Field(() => String, { description: 'The value; the group name for USERGROUP.' }) value!: string;
  @Field(() => Int, { nullable: true, description: 'USERGROUP only.' }) priority?: number | null;
}

@InputType({ description: 'Changes a row (SIMPLer customerRadius modify); omitted fields are left as they are.' })
export class RadiusAttributeUpdateInput {
  @Field(() => RadiusTable, { description: 'The table the row is in.' }) table!: RadiusTable;
  @Field(() => ID, { description: 'The RADIUS attribute to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: "Another of the same customer's usernames." }) username?: string | null;
  @Field(() => String, { nullable: true, description: 'Null for usergroup rows.' }) attribute?: string | null;
  @Field(() => RadiusOperator, { nullable: true, description: 'How the attribute is compared or given; null for group memberships.' }) op?: RadiusOperator | null;
  @Field(() => String, { nullable: true, description: 'The value; the group name for usergroup rows.' }) value?: string | null;
  @Field(() => Int, { nullable: true, description: 'Usergroup rows only.' }) priority?: number | null;
}

@InputType({ description: 'Names the RADIUS attribute to delete.' })
export class RadiusAttributeDeleteInput {
  @Field(() => RadiusTable, { description: 'The table the row is in.' }) table!: RadiusTable;
  @Field(() => ID, { description: 'The RADIUS attribute to delete.' }) id!: string;
}

/** The fields of the payload of radiusAttributeCreate and radiusAttributeUpdate (each its own type): payloadOf below. */
@ObjectType()
export class RadiusAttributePayload {
  @Field(() => RadiusAttribute, { nullable: true, description: 'The RADIUS attribute as it now is; null when the change was refused.' }) radiusAttribute!: RadiusAttribute | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const RadiusAttributeCreatePayload = payloadOf(RadiusAttributePayload, 'radiusAttributeCreate', 'the new RADIUS attribute, or why it was refused');
export const RadiusAttributeUpdatePayload = payloadOf(RadiusAttributePayload, 'radiusAttributeUpdate', 'the RADIUS attribute as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting the RADIUS attribute.' })
export class RadiusAttributeDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted RADIUS attribute; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType({ description: 'SIMPLer listRADIUSdetails filters; all optional, combined with AND.' })
export class RadiusAccountFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only this customer\'s logins.' }) customerId?: string | null;
  @Field(() => String, { nullable: true, description: 'Exact username.' }) username?: string | null;
  @Field(() => Int, { nullable: true, description: 'Only logins of this priority.' }) priority?: number | null;
  @Field(() => String, { nullable: true, description: 'The logins of the customer owning this username.' }) existingRadiusUsername?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum RadiusAccountOrderField {
  ID = 'ID',
  USERNAME = 'USERNAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(RadiusAccountOrderField, {
  name: 'RadiusAccountOrderField',
  description: 'What RADIUS logins can be ordered by; ties in the order they were added.',
  valuesConfig: {
    ID: { description: 'The order they were added in.' },
    USERNAME: { description: 'The username, alphabetically.' },
    CREATED_AT: { description: 'When they were recorded.' },
    UPDATED_AT: { description: 'When they last changed.' },
  },
});

@InputType({ description: 'How to sort a list of RADIUS account objects.' })
export class RadiusAccountOrder {
  @Field(() => RadiusAccountOrderField, { description: 'What to order by.' }) field!: RadiusAccountOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}
