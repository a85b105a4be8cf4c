/** The GraphQL shape of a Change-of-Authorization request (RFC 5176; Jaze coa_request). */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IPScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

@InputType({ description: 'One attribute to set in the session.' })
export class CoaAttributeInput {
  @Field(() => String, { description: 'A RADIUS attribute name, e.g. `Mikrotik-Rate-Limit`, `Session-Timeout`, or `Attr-26.<vendor>.<type>`.' })
  attribute!: string;
  @Field(() => String, { description: 'The value to set.' }) value!: string;
}

@InputType({ description: "Sends a CoA-Request to the NAS of the customer's open session." })
export class CustomerCoaRequestInput {
  @Field(() => ID, { description: 'The customer whose session to change.' }) customerId!: string;
  @Field(() => [CoaAttributeInput], { description: 'Attributes to change in the session.' }) attributes!: CoaAttributeInput[];
}

@ObjectType({ description: 'A CoA-Request the NAS acknowledged (CoA-ACK).' })
export class CoaAcknowledgement {
  @Field(() => IPScalar, { description: 'The NAS that acknowledged.' }) nas!: string;
  @Field(() => Int, { description: 'The UDP port of the NAS that acknowledged.' }) port!: number;
  @Field(() => String, { nullable: true, description: 'The RADIUS username of the session changed.' }) username!: string | null;
  @Field(() => String, { description: 'Acct-Session-Id of the session changed.' }) sessionId!: string;
  @Field(() => Int, { description: 'Datagrams sent until the answer came.' }) attempts!: number;
}

@ObjectType({ description: 'The NAS\'s acknowledgement, or why the request was refused.' })
export class CustomerCoaRequestPayload {
  @Field(() => CoaAcknowledgement, { nullable: true, description: 'Null when the NAS refused (CoA-NAK), did not answer, or no session is open: see userErrors.' })
  acknowledgement!: CoaAcknowledgement | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
