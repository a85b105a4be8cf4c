/** The Relay paging arguments every connection field takes. */
import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../db/pagination';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Return the first N objects (1..${MAX_PAGE_SIZE}; default 20).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return objects after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Return the last N objects (1..${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return objects before this cursor.' })
  before?: string | null;
}
