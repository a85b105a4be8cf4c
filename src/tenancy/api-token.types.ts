/** The GraphQL shape of bearer tokens: never the token or its hash, except once at creation. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

@ObjectType('ApiToken', { implements: Node, description: 'A bearer token of a staff user (GraphQL, Jaze). The token itself is shown once, when created.' })
export class ApiToken extends Node {
  @Field(() => String, { description: 'What the token is for; staff logins are labelled "staff login".' }) label!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Refused from this instant on; null: never expires.' }) expiresAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Last use, to within a few minutes (recorded at most once a minute).' }) lastUsedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Refused since this instant.' }) revokedAt!: Date | null;
  staffUserId!: number;
}

@InputType()
export class ApiTokenCreateInput {
  @Field(() => ID, { description: 'The staff user the token acts as.' }) staffUserId!: string;
  @Field(() => String, { nullable: true, description: 'Default "API token".' }) label?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null: the token does not expire.' }) expiresAt?: Date | null;
}

@ObjectType()
export class ApiTokenCreatePayload {
  @Field(() => String, { nullable: true, description: 'The token, shown this once: only its SHA-256 is stored.' }) token!: string | null;
  @Field(() => ApiToken, { nullable: true }) apiToken!: ApiToken | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType()
export class ApiTokenRevokeInput {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'The API token after the change, or why it was refused.' })
export class ApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: 'The API token as it now is; null when the change was refused.' }) apiToken!: ApiToken | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
