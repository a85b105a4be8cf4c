/** The GraphQL shape of figures over a customer's records and counts over the operator's customers. */
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../graphql/scalars';

@ObjectType({ description: 'How many customers are in one of the operator’s statuses.' })
export class CustomerStatusCount {
  @Field(() => String, { description: 'The status as stored, e.g. `post`.' }) status!: string;
  @Field(() => String, { description: 'What people see, e.g. `Disconnected`.' }) label!: string;
  @Field(() => Int, { description: 'Number of customers in the status.' }) count!: number;
}

@ObjectType({ description: "Traffic in the customer's current billing cycle: sessions started since it began (or since the usage was cleared by a plan move, if later)." })
export class BillingCycleUsage {
  @Field(() => DateScalar, { description: 'First day of the cycle.' }) start!: string;
  @Field(() => DateScalar, { description: 'The next billing date: the cycle is [start, end).' }) end!: string;
  @Field(() => DecimalScalar, { description: 'Bytes sent by the customer (a whole number).' }) uploadBytes!: string;
  @Field(() => DecimalScalar, { description: 'Bytes sent to the customer (a whole number).' }) downloadBytes!: string;
  @Field(() => Int, { description: 'Seconds online.' }) sessionSeconds!: number;
}
