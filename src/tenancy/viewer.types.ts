/** The GraphQL shape of who is asking (`viewer`) and of their operator, and the change of its settings. */
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { CurrencyCodeScalar, TimeZoneScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';
import { PERMISSIONS, type Permission as PermissionKey } from './permissions';
import { StaffRole, StaffUser } from './staff-user.types';

/**
 * The permission matrix's names as a GraphQL enum: `customers.write` is CUSTOMERS_WRITE. Built
 * from permissions.ts, so a permission added there appears here without a second list.
 */
export const Permission = Object.fromEntries(
  (Object.keys(PERMISSIONS) as PermissionKey[]).map((key) => [key.toUpperCase().replace(/\./g, '_'), key]),
) as Record<string, PermissionKey>;
registerEnumType(Permission, {
  name: 'Permission',
  description: 'What a role allows (docs/PERMISSIONS.md).',
  valuesConfig: Object.fromEntries(Object.entries(Permission).map(([name, key]) => [name, { description: PERMISSIONS[key] }])),
});

@ObjectType('Operator', { implements: Node, description: 'The ISP whose back office this is (a tenant): every object of the graph belongs to it.' })
export class Operator extends NumberedNode {
  @Field(() => String, { description: 'Short code used on the wire (SIMPLer `operator`, Jaze account id).' }) code!: string;
  @Field(() => String, { description: 'The operator\'s name.' }) name!: string;
  @Field(() => CurrencyCodeScalar, { description: 'The currency every amount of this operator is in.' }) currencyCode!: string;
  @Field(() => TimeZoneScalar, { description: "The operator's time zone." }) timeZone!: string;
}

@ObjectType('Viewer', { description: 'Who is asking: the staff user (or integration account) behind the bearer token.' })
export class Viewer {
  @Field(() => String, { description: 'The viewer\'s login name.' }) username!: string;
  @Field(() => String, { description: 'The viewer\'s name as shown to other staff.' }) displayName!: string;
  @Field(() => StaffRole, { description: 'The viewer\'s role.' }) role!: StaffRole;
  @Field(() => [Permission], { description: "What the viewer's role allows, in the matrix's order." }) permissions!: PermissionKey[];
  @Field(() => StaffUser, { description: 'The staff user record.' }) staffUser!: StaffUser;
  @Field(() => Operator, { description: 'The operator the viewer works for.' }) operator!: Operator;
}

@InputType('OperatorUpdateInput', { description: "New settings of the caller's own operator; fields left out (or null) stay as they are." })
export class OperatorUpdateInput {
  @Field(() => String, { nullable: true, description: "The operator's new name: not blank, at most 200 characters." }) name?: string | null;
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description: 'The currency every amount of the operator is in from now on, in upper case (e.g. "USD"). Amounts already recorded are not converted: they are read in the new currency.',
  })
  currencyCode?: string | null;
  @Field(() => TimeZoneScalar, { nullable: true, description: "The operator's new time zone, in which its calendar dates are counted from now on." }) timeZone?: string | null;
}

@ObjectType('OperatorUpdatePayload', { description: "What operatorUpdate returns: the operator as changed, or why the change was refused." })
export class OperatorUpdatePayload {
  @Field(() => Operator, { nullable: true, description: 'The operator as it now is; null when the change was refused.' }) operator!: Operator | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
