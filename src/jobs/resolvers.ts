/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
import { BackgroundJobResolver } from './job.resolver';

export const jobsResolvers: Function[] = [BackgroundJobResolver];
