/** GraphQL adapter for RADIUS statistics: parse, call the service, format. */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import * as statsService from './radius-stats.service';
import { RadiusStatistics, RadiusStatisticsType } from './radius-stats.types';

@Resolver()
export class RadiusStatisticsResolver {
  @Query(() => RadiusStatistics, { description: 'Asks the configured RADIUS server for its counters (Status-Server, RFC 5997; Jaze get_radius_statistics).' })
  async radiusStatistics(@Arg('type', () => RadiusStatisticsType, { description: 'Which counters to ask the RADIUS server for.' }) type: RadiusStatisticsType, @Ctx() ctx: GraphQLContext): Promise<RadiusStatistics> {
    const stats = await statsService.statistics(ctx, type);
    return {
      type,
      server: `${stats.server.address}:${stats.server.port}`,
      replyLength: stats.replyLength,
      counters: stats.counters.map((c) => ({ name: c.name, value: c.value })),
    };
  }
}
