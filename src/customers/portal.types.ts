/** GraphQL inputs and payloads of end-user-portal logins. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { EmailAddressScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';
import { Message } from '../support/message.types';
import { Customer } from './customer.types';

@InputType({ description: 'End-user-portal credentials to check.' })
export class CustomerPortalLoginCheckInput {
  @Field(() => String, { description: 'Portal username; the invoicing id when the customer has none.' }) username!: string;
  @Field(() => String, { description: 'The portal password.' }) password!: string;
}

@ObjectType({ description: 'The result of checking portal credentials.' })
export class CustomerPortalLoginCheckPayload {
  @Field(() => Customer, { nullable: true, description: 'The customer the login belongs to; null with a userError "invalid username/password" otherwise.' })
  customer!: Customer | null;
  @Field(() => [UserError], { description: 'Why the action was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType({ description: 'A new end-user-portal password for a customer.' })
export class CustomerPortalPasswordUpdateInput {
  @Field(() => ID, { description: 'The customer whose password changes.' }) customerId!: string;
  @Field(() => String, { description: 'At least 4 characters; stored only as a hash.' }) password!: string;
}

@ObjectType({ description: 'The result of setting a portal password.' })
export class CustomerPortalPasswordUpdatePayload {
  @Field(() => Customer, { nullable: true, description: 'The customer; null when refused.' }) customer!: Customer | null;
  @Field(() => [UserError], { description: 'Why the action was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType({ description: 'Give exactly one of `phone` and `email`.' })
export class CustomerPortalPasswordRecoverInput {
  @Field(() => String, { nullable: true, description: 'The customer phone number (digits compared); the credentials go by SMS.' }) phone?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'The customer e-mail address (any case); the credentials go by e-mail.' }) email?: string | null;
}

@ObjectType({ description: 'The result of sending a customer new portal credentials.' })
export class CustomerPortalPasswordRecoverPayload {
  @Field(() => Customer, { nullable: true, description: 'The customer found; null when refused.' }) customer!: Customer | null;
  @Field(() => Message, { nullable: true, description: 'The message that carried the new password (masked in `body`), with its delivery status.' }) message!: Message | null;
  @Field(() => [UserError], { description: 'Why the action was refused; empty on success.' }) userErrors!: UserError[];
}
