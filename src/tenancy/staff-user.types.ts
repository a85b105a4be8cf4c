/** The GraphQL shape of staff users. The password hash is never part of it. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateTimeScalar, EmailAddressScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

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
  valuesConfig: {
    ADMIN: { description: 'Everything, including staff users, credentials and operator settings.' },
    MANAGER: { description: 'All but administration; on M4 possibly limited to assigned customers.' },
    STAFF: { description: 'Front-line support: customers, tickets and messages.' },
    COLLECTOR: { description: 'Records payments collected from customers.' },
    INSTALLER: { description: 'Equipment, sites and maintenance tickets.' },
    API: { description: 'An integration account: all but administration.' },
    READONLY: { description: 'Reads only.' },
  },
});

@ObjectType('StaffUser', { implements: Node, description: "A member of the operator's staff (or a machine account)." })
export class StaffUser extends NumberedNode {
  @Field(() => String, { description: 'The login name, unique in the operator.' }) username!: string;
  @Field(() => String, { description: 'The name shown to other staff.' }) displayName!: string;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Contact e-mail address.' }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'Contact phone number.' }) phone!: string | null;
  @Field(() => StaffRole, { description: 'What the user may do.' }) role!: StaffRole;
  @Field(() => Boolean, { description: 'Only active users can log in.' }) active!: boolean;
  @Field(() => Boolean, { description: 'A manager who sees only the customers assigned to them.' }) showOnlyAssignedCustomers!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the user was created.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the user last logged in; null when never.' }) lastLoginAt!: Date | null;
}

@InputType({ description: 'Filters for staff users.' })
export class StaffUserFilterInput {
  @Field(() => [StaffRole], { nullable: true, description: 'Only users with one of these roles.' }) role?: StaffRole[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or only deactivated (false) users.' }) active?: boolean | null;
}

@InputType({ description: 'A new staff user of the operator.' })
export class StaffUserCreateInput {
  @Field(() => String, { description: 'Unique in the operator; 1-64 letters, digits, ".", "_", "@" or "-".' }) username!: string;
  @Field(() => StaffRole, { description: 'What the user may do.' }) role!: StaffRole;
  @Field(() => String, { nullable: true, description: 'Defaults to the username.' }) displayName?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Contact e-mail address.' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Contact phone number.' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'At least 12 characters; stored only as a scrypt hash. Omit for an account that never logs in with a password (tokens and API credentials only).' })
  password?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'A manager who sees only the customers assigned to them.' }) showOnlyAssignedCustomers?: boolean | null;
}

@InputType({ description: 'Changes to a staff user; absent fields stay as they are.' })
export class StaffUserUpdateInput {
  @Field(() => ID, { description: 'The staff user to change.' }) id!: string;
  @Field(() => StaffRole, { nullable: true, description: 'What the user may do.' }) role?: StaffRole | null;
  @Field(() => String, { nullable: true, description: 'The name shown to other staff.' }) displayName?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'null clears it.' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' }) phone?: string | null;
  @Field(() => Boolean, { nullable: true, description: "false: the user's logins, tokens and API credentials are refused until reactivated." }) active?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'A manager who sees only the customers assigned to them.' }) showOnlyAssignedCustomers?: boolean | null;
}

@InputType({ description: 'Sets a staff user\'s password.' })
export class StaffUserPasswordUpdateInput {
  @Field(() => ID, { description: 'The staff user.' }) id!: string;
  @Field(() => String, { description: 'At least 12 characters; stored only as a scrypt hash.' }) password!: string;
}

/** The fields of the payload of staffUserCreate, staffUserPasswordUpdate and staffUserUpdate (each its own type): payloadOf below. */
@ObjectType()
export class StaffUserPayload {
  @Field(() => StaffUser, { nullable: true, description: 'The staff user as it now is; null when the change was refused.' }) staffUser!: StaffUser | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const StaffUserCreatePayload = payloadOf(StaffUserPayload, 'staffUserCreate', 'the new staff user, or why it was refused');
export const StaffUserPasswordUpdatePayload = payloadOf(StaffUserPayload, 'staffUserPasswordUpdate', 'the staff user with the new password set, or why it was refused');
export const StaffUserUpdatePayload = payloadOf(StaffUserPayload, 'staffUserUpdate', 'the staff user as changed, or why it was refused');

@InputType({ description: 'A staff login: the operator code, the username and the password.' })
export class StaffLoginInput {
  @Field(() => String, { description: "The operator's code (e.g. demo)." }) operator!: string;
  @Field(() => String, { description: 'The staff user\'s login name.' }) username!: string;
  @Field(() => String, { description: 'The staff user\'s password.' }) password!: string;
}

@ObjectType({ description: 'A session token for the staff user, or why the login was refused.' })
export class StaffLoginPayload {
  @Field(() => String, { nullable: true, description: 'A bearer token for `Authorization: Bearer …`, shown this once; it expires at `expiresAt` (STAFF_SESSION_HOURS) or at staffLogout.' })
  token!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the token stops working; null when the login was refused.' }) expiresAt!: Date | null;
  @Field(() => StaffUser, { nullable: true, description: 'The staff user logged in; null when the login was refused.' }) staffUser!: StaffUser | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
