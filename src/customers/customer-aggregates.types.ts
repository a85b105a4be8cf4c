/** The GraphQL shape of counts over the operator's customers. */
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How many customers are in one of the operator’s statuses.' })
export class CustomerStatusCount {
  @Field(() => String, { description: 'The status as stored, e.g. `post`.' }) status!: string;
  @Field(() => String, { description: 'What people see, e.g. `Disconnected`.' }) label!: string;
  @Field(() => Int) count!: number;
}
