/** The GraphQL shape of legacy API credentials and their access lists: never a secret or hash, except once at creation. */
import { Field, ID, Int, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { inputOf, payloadOf } from '../graphql/payload';
import { DateTimeScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

export enum ApiCredentialKind {
  SIMPLER = 'simpler',
  CRM = 'crm',
}
registerEnumType(ApiCredentialKind, {
  name: 'ApiCredentialKind',
  description: 'SIMPLER: OperatorAPI api_username/api_password (with an access list); CRM: ISP CRM userid/api_key.',
  valuesConfig: {
    CRM: { description: 'An ISP CRM userid/api_key.' },
    SIMPLER: { description: 'A SIMPLer OperatorAPI api_username/api_password.' },
  },
});

@ObjectType('IpAccessRule', { implements: Node, description: 'A network a SIMPLer credential is accepted from.' })
export class IpAccessRule extends NumberedNode {
  @Field(() => String, { description: 'CIDR, e.g. 192.0.2.0/24 or ::1/128.' }) network!: string;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note!: string | null;
  @Field(() => Boolean, { description: "true: on the list of every SIMPLer credential of the operator." }) operatorWide!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the rule was added.' }) createdAt!: Date;
}

@ObjectType('ApiCredential', { implements: Node, description: 'A legacy API credential of a staff user. Its secret is shown once, when created.' })
export class ApiCredential extends NumberedNode {
  @Field(() => ApiCredentialKind, { description: 'SIMPLer credential or CRM key.' }) kind!: ApiCredentialKind;
  @Field(() => String, { description: 'SIMPLER: the api_username; CRM: the userid (the staff user id).' }) identifier!: string;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note!: string | null;
  @Field(() => Boolean, {
    description: 'true: calls naming a parameter their operation does not know are refused ("unknown parameter …"); false (the default): such parameters are ignored, as the original systems do, and reported in the X-Ignored-Parameters reply header.',
  })
  strictParameters!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the credential was created.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Refused since this instant.' }) revokedAt!: Date | null;
  @Field(() => [IpAccessRule], { description: 'SIMPLER: the networks it is accepted from (its own and the operator-wide ones); empty means refused from everywhere. CRM keys have no access list.' })
  allowedNetworks!: IpAccessRule[];
  staffUserId!: number;
}

@InputType({ description: 'A new SIMPLer credential for a staff user.' })
export class SimplerCredentialCreateInput {
  @Field(() => String, { description: 'The api_username clients send.' }) apiUsername!: string;
  @Field(() => ID, { description: 'The staff user the credential acts as (its role decides what it may do).' }) staffUserId!: string;
  @Field(() => String, { nullable: true, description: 'At least 12 characters; omit to have one generated and returned once.' }) password?: string | null;
  @Field(() => [String], { description: 'Networks (CIDR or single address) it is accepted from; with none it is refused from everywhere until one is added.' })
  allowedNetworks!: string[];
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Refuse unknown parameters instead of ignoring them (default false).' }) strictParameters?: boolean | null;
}

@ObjectType({ description: 'The new SIMPLer credential and its password, or why it was refused.' })
export class SimplerCredentialCreatePayload {
  @Field(() => ApiCredential, { nullable: true, description: 'The new credential; null when refused.' }) apiCredential!: ApiCredential | null;
  @Field(() => String, { nullable: true, description: 'The generated api_password, shown this once (null when the input gave one).' }) password!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'false: no network admits the credential yet.' }) reachable!: boolean | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType({ description: 'A new CRM key for a staff user.' })
export class CrmKeyCreateInput {
  @Field(() => ID, { description: 'The staff user; its id is the CRM userid.' }) staffUserId!: string;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Refuse unknown parameters instead of ignoring them (default false).' }) strictParameters?: boolean | null;
}

@ObjectType({ description: 'The new CRM key, or why it was refused.' })
export class CrmKeyCreatePayload {
  @Field(() => ApiCredential, { nullable: true, description: 'The new credential; null when refused.' }) apiCredential!: ApiCredential | null;
  @Field(() => Int, { nullable: true, description: 'The CRM userid.' }) userId!: number | null;
  @Field(() => String, { nullable: true, description: 'The CRM api_key, shown this once: only its SHA-256 is stored.' }) apiKey!: string | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType({ description: 'Absent fields stay as they are.' })
export class ApiCredentialUpdateInput {
  @Field(() => ID, { description: 'A SIMPLer credential or a CRM key.' }) id!: string;
  @Field(() => Boolean, { nullable: true, description: 'true: refuse unknown parameters; false: ignore and report them.' }) strictParameters?: boolean | null;
}

/** The fields of the input of simplerCredentialRevoke and crmKeyRevoke (each its own type): inputOf below. */
@InputType()
export class ApiCredentialRevokeInput {
  @Field(() => ID, { description: 'The SIMPLer credential or CRM key to revoke.' }) id!: string;
}
export const SimplerCredentialRevokeInput = inputOf(ApiCredentialRevokeInput, 'simplerCredentialRevoke', 'Names the SIMPLer credential to revoke.');
export const CrmKeyRevokeInput = inputOf(ApiCredentialRevokeInput, 'crmKeyRevoke', 'Names the CRM key to revoke.');

/** The fields of the payload of apiCredentialUpdate, crmKeyRevoke and simplerCredentialRevoke (each its own type): payloadOf below. */
@ObjectType()
export class ApiCredentialPayload {
  @Field(() => ApiCredential, { nullable: true, description: 'The API credential as it now is; null when the change was refused.' }) apiCredential!: ApiCredential | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const ApiCredentialUpdatePayload = payloadOf(ApiCredentialPayload, 'apiCredentialUpdate', 'the SIMPLer credential or CRM key with its new settings, or why it was refused');
export const CrmKeyRevokePayload = payloadOf(ApiCredentialPayload, 'crmKeyRevoke', 'the revoked CRM key, or why it was refused');
export const SimplerCredentialRevokePayload = payloadOf(ApiCredentialPayload, 'simplerCredentialRevoke', 'the revoked SIMPLer credential, or why it was refused');

@InputType({ description: 'A network to accept SIMPLer credentials from.' })
export class IpAccessRuleCreateInput {
  @Field(() => ID, { nullable: true, description: 'The SIMPLer credential; null: every SIMPLer credential of the operator.' }) apiCredentialId?: string | null;
  @Field(() => String, { description: 'CIDR or single address.' }) network!: string;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note?: string | null;
}

/** The fields of the payload of ipAccessRuleCreate: payloadOf below. */
@ObjectType()
export class IpAccessRulePayload {
  @Field(() => IpAccessRule, { nullable: true, description: 'The IP access rule as it now is; null when the change was refused.' }) ipAccessRule!: IpAccessRule | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const IpAccessRuleCreatePayload = payloadOf(IpAccessRulePayload, 'ipAccessRuleCreate', 'the new IP access rule, or why it was refused');

@InputType({ description: 'Names the IP access rule to delete.' })
export class IpAccessRuleDeleteInput {
  @Field(() => ID, { description: 'The IP access rule to delete.' }) id!: string;
}

@ObjectType({ description: 'The result of deleting the IP access rule.' })
export class IpAccessRuleDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted IP access rule; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

@ObjectType({ description: "The operator's Kolmisoft M4 API settings. The secret is write-only." })
export class M4Settings {
  @Field(() => Boolean, { description: 'Whether an API secret is set (without one, M4 requests are refused).' }) secretSet!: boolean;
  @Field(() => Boolean, { description: 'M4 "Allow API globally"; SIMPLer credentials are refused too while it is off.' }) apiEnabled!: boolean;
  @Field(() => Boolean, { description: 'M4 "Allow GET API".' }) apiGetEnabled!: boolean;
}

@InputType({ description: 'Absent fields stay as they are.' })
export class M4SettingsUpdateInput {
  @Field(() => String, { nullable: true, description: 'A new API secret (16-256 printable ASCII characters, no spaces); never returned.' }) secret?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: remove the secret (M4 requests are refused until a new one is set).' }) clearSecret?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'M4 "Allow API globally"; SIMPLer credentials are refused too while it is off.' }) apiEnabled?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'M4 "Allow GET API".' }) apiGetEnabled?: boolean | null;
}

/** The fields of the payload of m4SettingsUpdate: payloadOf below. */
@ObjectType()
export class M4SettingsPayload {
  @Field(() => M4Settings, { nullable: true, description: 'The M4 settings as they now are; null when the change was refused.' }) m4Settings!: M4Settings | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const M4SettingsUpdatePayload = payloadOf(M4SettingsPayload, 'm4SettingsUpdate', 'the M4 settings as changed, or why they were refused');
