/** The GraphQL shape of bandwidth templates (Jaze profiles). */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

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

@InputType({ description: 'A new bandwidth template (Jaze profile).' })
export class BandwidthTemplateCreateInput {
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'At least 0.' }) downloadKbps!: number;
  @Field(() => Int, { description: 'At least 0.' }) uploadKbps!: number;
  @Field(() => String, { nullable: true, description: 'MikroTik `rate-limit` string.' }) mikrotikRateLimit?: string | null;
  @Field(() => Int, { nullable: true }) burstDownloadKbps?: number | null;
  @Field(() => Int, { nullable: true }) burstUploadKbps?: number | null;
  @Field(() => Int, { nullable: true }) burstThresholdDownloadKbps?: number | null;
  @Field(() => Int, { nullable: true }) burstThresholdUploadKbps?: number | null;
  @Field(() => Int, { nullable: true }) burstTimeSeconds?: number | null;
}

@InputType({ description: 'Changes a bandwidth template; fields left out stay, null clears the optional ones. Plans using it get the new rates.' })
export class BandwidthTemplateUpdateInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Int, { nullable: true }) downloadKbps?: number | null;
  @Field(() => Int, { nullable: true }) uploadKbps?: number | null;
  @Field(() => String, { nullable: true }) mikrotikRateLimit?: string | null;
  @Field(() => Int, { nullable: true }) burstDownloadKbps?: number | null;
  @Field(() => Int, { nullable: true }) burstUploadKbps?: number | null;
  @Field(() => Int, { nullable: true }) burstThresholdDownloadKbps?: number | null;
  @Field(() => Int, { nullable: true }) burstThresholdUploadKbps?: number | null;
  @Field(() => Int, { nullable: true }) burstTimeSeconds?: number | null;
}

@ObjectType()
export class BandwidthTemplatePayload {
  @Field(() => BandwidthTemplate, { nullable: true }) bandwidthTemplate!: BandwidthTemplate | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
