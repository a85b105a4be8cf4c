/** The GraphQL shape of staff users. The password hash is never part of it. */
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar } from '../graphql/scalars';

export enum StaffRole {
  ADMIN = 'admin',
  MANAGER = 'manager',
  STAFF = 'staff',
  COLLECTOR = 'collector',
  INSTALLER = 'installer',
  API = 'api',
  READONLY = 'readonly',
}
registerEnumType(StaffRole, {
  name: 'StaffRole',
  description:
    'What a staff user may do: ADMIN everything; MANAGER all but administration (possibly limited to assigned customers on M4); STAFF front-line support; COLLECTOR records payments; INSTALLER equipment, sites and tickets; API an integration account (all but administration); READONLY reads only.',
});

@ObjectType('StaffUser', { implements: Node, description: "A member of the operator's staff (or a machine account)." })
export class StaffUser extends Node {
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => StaffRole) role!: StaffRole;
  @Field(() => Boolean, { description: 'Only active users can log in.' }) active!: boolean;
  @Field(() => Boolean, { description: 'A manager who sees only the customers assigned to them.' }) showOnlyAssignedCustomers!: boolean;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) lastLoginAt!: Date | null;
}

@InputType({ description: 'Filters for staff users.' })
export class StaffUserFilterInput {
  @Field(() => [StaffRole], { nullable: true }) role?: StaffRole[] | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}
