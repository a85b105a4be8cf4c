/** The GraphQL shape of bandwidth templates (Jaze profiles). */
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar } from '../graphql/scalars';

@ObjectType('BandwidthTemplate', { implements: Node, description: 'A named rate limit (the Jaze profile behind a plan).' })
export class BandwidthTemplate extends Node {
  @Field(() => String) name!: string;
  @Field(() => Int) downloadKbps!: number;
  @Field(() => Int) uploadKbps!: number;
  @Field(() => String, { nullable: true, description: 'MikroTik `rate-limit` string.' }) mikrotikRateLimit!: string | null;
  @Field(() => Int, { nullable: true }) burstDownloadKbps!: number | null;
  @Field(() => Int, { nullable: true }) burstUploadKbps!: number | null;
  @Field(() => Int, { nullable: true }) burstThresholdDownloadKbps!: number | null;
  @Field(() => Int, { nullable: true }) burstThresholdUploadKbps!: number | null;
  @Field(() => Int, { nullable: true }) burstTimeSeconds!: number | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}
