/** The GraphQL shape of the RADIUS server's statistics (Status-Server, RFC 5997; Jaze E36). */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RadiusStatisticsType {
  AUTHENTICATION = 'Authentication',
  ACCOUNTING = 'Accounting',
}
registerEnumType(RadiusStatisticsType, {
  name: 'RadiusStatisticsType',
  description: 'Which FreeRADIUS statistics to ask for.',
  valuesConfig: {
    AUTHENTICATION: { description: 'Authentication request counters.' },
    ACCOUNTING: { description: 'Accounting request counters.' },
  },
});

@ObjectType({ description: 'One FreeRADIUS statistics counter.' })
export class RadiusCounter {
  @Field(() => String, { description: 'e.g. FreeRADIUS-Total-Access-Requests' }) name!: string;
  @Field(() => String, { description: 'As the server reported it (counters can exceed 2^31).' }) value!: string;
}

@ObjectType({ description: "The configured RADIUS server's counters, as its status server answered." })
export class RadiusStatistics {
  @Field(() => RadiusStatisticsType, { description: 'Which counters were asked for.' }) type!: RadiusStatisticsType;
  @Field(() => String, { description: 'host:port asked.' }) server!: string;
  @Field(() => Int, { description: 'Bytes of the answer.' }) replyLength!: number;
  @Field(() => [RadiusCounter], { description: 'The counters the server reported.' }) counters!: RadiusCounter[];
}
