/** The GraphQL shape of bearer tokens: never the token or its hash, except once at creation. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateTimeScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

@ObjectType('ApiToken', { implements: Node, description: 'A bearer token of a staff user (GraphQL, Jaze). The token itself is shown once, when created.' })
export class ApiToken extends NumberedNode {
  @Field(() => String, { description: 'What the token is for; staff logins are labelled "staff login".' }) label!: string;
  @Field(() => DateTimeScalar, { description: 'When the token was created.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Refused from this instant on; null: never expires.' }) expiresAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Last use, to within a few minutes (recorded at most once a minute).' }) lastUsedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Refused since this instant.' }) revokedAt!: Date | null;
  staffUserId!: number;
}

@InputType({ description: 'A new API token for a staff user.' })
export class ApiTokenCreateInput {
  @Field(() => ID, { description: 'The staff user the token acts as.' }) staffUserId!: string;
  @Field(() => String, { nullable: true, description: 'Default "API token".' }) label?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null: the token does not expire.' }) expiresAt?: Date | null;
}

@ObjectType({ description: 'The new token, shown once, or why it was refused.' })
export class ApiTokenCreatePayload {
  @Field(() => String, { nullable: true, description: 'The token, shown this once: only its SHA-256 is stored.' }) token!: string | null;
  @Field(() => ApiToken, { nullable: true, description: 'The new token\'s record; null when refused.' }) apiToken!: ApiToken | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType({ description: 'Names the token to revoke.' })
export class ApiTokenRevokeInput {
  @Field(() => ID, { description: 'The API token to revoke.' }) id!: string;
}

/** The fields of the payload of apiTokenRevoke and staffLogout (each its own type): payloadOf below. */
@ObjectType()
export class ApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: 'The API token as it now is; null when the change was refused.' }) apiToken!: ApiToken | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const ApiTokenRevokePayload = payloadOf(ApiTokenPayload, 'apiTokenRevoke', 'the revoked API token, or why it was refused');
export const StaffLogoutPayload = payloadOf(ApiTokenPayload, 'staffLogout', "the request's own token, now revoked, or why it was refused");
