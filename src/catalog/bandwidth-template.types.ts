/** The GraphQL shape of bandwidth templates (Jaze profiles). */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateTimeScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

@ObjectType('BandwidthTemplate', { implements: Node, description: 'A named rate limit (the Jaze profile behind a plan).' })
export class BandwidthTemplate extends NumberedNode {
  @Field(() => String, { description: 'Name of the template.' }) name!: string;
  @Field(() => Int, { description: 'Download rate limit.' }) downloadKbps!: number;
  @Field(() => Int, { description: 'Upload rate limit.' }) uploadKbps!: number;
  @Field(() => String, { nullable: true, description: 'MikroTik `rate-limit` string.' }) mikrotikRateLimit!: string | null;
  @Field(() => Int, { nullable: true, description: 'Download rate allowed during a burst.' }) burstDownloadKbps!: number | null;
  @Field(() => Int, { nullable: true, description: 'Upload rate allowed during a burst.' }) burstUploadKbps!: number | null;
  @Field(() => Int, { nullable: true, description: 'Average download rate below which a burst may start.' }) burstThresholdDownloadKbps!: number | null;
  @Field(() => Int, { nullable: true, description: 'Average upload rate below which a burst may start.' }) burstThresholdUploadKbps!: number | null;
  @Field(() => Int, { nullable: true, description: 'Averaging window for bursts, in seconds.' }) burstTimeSeconds!: number | null;
  @Field(() => DateTimeScalar, { description: 'When the template was added.' }) createdAt!: Date;
}

@InputType({ description: 'A new bandwidth template (Jaze profile).' })
export class BandwidthTemplateCreateInput {
  @Field(() => String, { description: 'Name of the template.' }) name!: string;
  @Field(() => Int, { description: 'At least 0.' }) downloadKbps!: number;
  @Field(() => Int, { description: 'At least 0.' }) uploadKbps!: number;
  @Field(() => String, { nullable: true, description: 'MikroTik `rate-limit` string.' }) mikrotikRateLimit?: string | null;
  @Field(() => Int, { nullable: true, description: 'Download rate allowed during a burst.' }) burstDownloadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Upload rate allowed during a burst.' }) burstUploadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Average download rate below which a burst may start.' }) burstThresholdDownloadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Average upload rate below which a burst may start.' }) burstThresholdUploadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Averaging window for bursts, in seconds.' }) burstTimeSeconds?: number | null;
}

@InputType({ description: 'Changes a bandwidth template; fields left out stay, null clears the optional ones. Plans using it get the new rates.' })
export class BandwidthTemplateUpdateInput {
  @Field(() => ID, { description: 'The template to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Name of the template.' }) name?: string | null;
  @Field(() => Int, { nullable: true, description: 'Download rate limit, at least 0.' }) downloadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Upload rate limit, at least 0.' }) uploadKbps?: number | null;
  @Field(() => String, { nullable: true, description: 'MikroTik `rate-limit` string.' }) mikrotikRateLimit?: string | null;
  @Field(() => Int, { nullable: true, description: 'Download rate allowed during a burst.' }) burstDownloadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Upload rate allowed during a burst.' }) burstUploadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Average download rate below which a burst may start.' }) burstThresholdDownloadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Average upload rate below which a burst may start.' }) burstThresholdUploadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Averaging window for bursts, in seconds.' }) burstTimeSeconds?: number | null;
}

/** The fields of the payload of bandwidthTemplateCreate and bandwidthTemplateUpdate (each its own type): payloadOf below. */
@ObjectType()
export class BandwidthTemplatePayload {
  @Field(() => BandwidthTemplate, { nullable: true, description: 'The template as saved; null when refused.' }) bandwidthTemplate!: BandwidthTemplate | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const BandwidthTemplateCreatePayload = payloadOf(BandwidthTemplatePayload, 'bandwidthTemplateCreate', 'the new bandwidth template, or why it was refused');
export const BandwidthTemplateUpdatePayload = payloadOf(BandwidthTemplatePayload, 'bandwidthTemplateUpdate', 'the bandwidth template as changed, or why it was refused');
