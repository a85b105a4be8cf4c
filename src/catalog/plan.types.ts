/** The GraphQL shape of the plan catalogue: plans, their price points, filter and ordering. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError } from '../graphql/user-error';
import { PlanConnectivity, PlanKind, PlanPeriodUnit, PlanProtocol } from './catalog.enums';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Plan', {
  implements: Node,
  description: 'A catalogue entry: a CRM plan, a SIMPLer product and a Jaze group are this one record.',
})
export class Plan extends NumberedNode {
  @Field(() => PlanKind, { description: 'A service, a one-off fee, or hardware.' }) kind!: PlanKind;
  @Field(() => String, { description: 'Name of the plan as sold.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Longer description of the plan.' }) description!: string | null;
  @Field(() => PlanProtocol, { nullable: true, description: 'Null for fees and hardware.' }) protocol!: PlanProtocol | null;
  @Field(() => PlanConnectivity, { nullable: true, description: 'How the service is delivered; null when not set.' }) connectivity!: PlanConnectivity | null;
  @Field(() => Int, { nullable: true, description: 'Length of one plan period, in `periodUnit`s.' }) period!: number | null;
  @Field(() => PlanPeriodUnit, { nullable: true, description: 'Unit of `period`.' }) periodUnit!: PlanPeriodUnit | null;
  @Field(() => String, { nullable: true, description: 'Location code used to group and sort plans (CRM location_code).' }) locationCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Sub-location code used to group and sort plans (CRM sub_location_code).' }) subLocationCode!: string | null;
  @Field(() => Boolean, { description: 'Disabled plans stay on existing subscriptions but cannot be sold.' }) enabled!: boolean;
  @Field(() => Boolean, { description: 'Whether unused data carries over to the next period.' }) dataCarryover!: boolean;
  @Field(() => Boolean, { description: 'Whether the bandwidth limit is hidden from the customer (CRM hide_bw_limit).' }) hideBandwidthLimit!: boolean;
  @Field(() => DecimalScalar, { nullable: true, description: 'Usage limit (GB) at bandwidth level 1; null = unlimited.' }) limit1Gb!: string | null;
  @Field(() => Int, { nullable: true, description: 'Level 1 (before the limit) download rate.' }) bw1DownloadKbps!: number | null;
  @Field(() => Int, { nullable: true, description: 'Level 1 (before the limit) upload rate.' }) bw1UploadKbps!: number | null;
  @Field(() => Int, { nullable: true, description: 'Level 2 (after the limit) download rate.' }) bw2DownloadKbps!: number | null;
  @Field(() => Int, { nullable: true, description: 'Level 2 (after the limit) upload rate.' }) bw2UploadKbps!: number | null;
  @Field(() => String, { nullable: true, description: 'FreeRADIUS group subscribers of this plan are put in.' }) radiusGroup!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'List price per billing period.' }) price!: string | null;
  @Field(() => Int, { nullable: true, description: 'Months billed per cycle (SIMPLer billing frequency).' }) frequencyMonths!: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Percent; null = the subscription's or tax zone's rate." }) taxRate!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the plan was added.' }) createdAt!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  resellerId!: number | null;
  bandwidthTemplateId!: number | null;
}

@ObjectType('SubPlan', { implements: Node, description: 'A price point of a plan: `units` plan periods for `price`.' })
export class SubPlan extends NumberedNode {
  @Field(() => String, { description: 'Name of the price point.' }) name!: string;
  @Field(() => Int, { description: 'Number of plan periods bought.' }) units!: number;
  @Field(() => DecimalScalar, { description: 'Price for the `units` periods.' }) price!: string;
  @Field(() => Boolean, { description: 'Published on the customer web portal.' }) portal!: boolean;
  @Field(() => Boolean, { description: 'Whether the price point can be sold.' }) enabled!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the price point was added.' }) createdAt!: Date;

  /** Internal. */
  planId!: number;
}

@InputType({ description: 'Filters for plans; `name` matches anywhere ignoring case, the rest exactly.' })
export class PlanFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name.' }) name?: string | null;
  @Field(() => PlanKind, { nullable: true, description: 'Only plans of this kind.' }) kind?: PlanKind | null;
  @Field(() => PlanProtocol, { nullable: true, description: 'Only plans with this protocol.' }) protocol?: PlanProtocol | null;
  @Field(() => PlanConnectivity, { nullable: true, description: 'Only plans with this connectivity.' }) connectivity?: PlanConnectivity | null;
  @Field(() => Int, { nullable: true, description: 'Only plans with this period length.' }) period?: number | null;
  @Field(() => PlanPeriodUnit, { nullable: true, description: 'Only plans with this period unit.' }) periodUnit?: PlanPeriodUnit | null;
  @Field(() => String, { nullable: true, description: 'Only plans with this location code.' }) locationCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Only plans with this sub-location code.' }) subLocationCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only sellable plans; false: only disabled ones.' }) enabled?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Only plans that do (true) or do not (false) carry data over.' }) dataCarryover?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Only plans that do (true) or do not (false) hide the bandwidth limit.' }) hideBandwidthLimit?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Plans a reseller sells.' }) resellerId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only plans added at or after this time.' }) createdFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only plans added at or before this time.' }) createdTo?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum PlanOrderField {
  ID = 'ID',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(PlanOrderField, {
  name: 'PlanOrderField',
  description: 'What plans can be ordered by.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    NAME: { description: 'Name, alphabetically.' },
    CREATED_AT: { description: 'When they were added.' },
    UPDATED_AT: { description: 'When they last changed.' },
  },
});

@InputType({ description: 'How to order plans.' })
export class PlanOrder {
  @Field(() => PlanOrderField, { description: 'What to order by.' }) field!: PlanOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}

@InputType({ description: 'Plan fields shared by create and update; omitted fields are left as they are, null clears an optional one.' })
export class PlanFieldsInput {
  @Field(() => PlanKind, { nullable: true, description: 'Default SERVICE.' }) kind?: PlanKind | null;
  @Field(() => String, { nullable: true, description: 'Longer description of the plan.' }) description?: string | null;
  @Field(() => PlanProtocol, { nullable: true, description: 'Access protocol; leave empty for fees and hardware.' }) protocol?: PlanProtocol | null;
  @Field(() => PlanConnectivity, { nullable: true, description: 'How the service is delivered.' }) connectivity?: PlanConnectivity | null;
  @Field(() => Int, { nullable: true, description: 'At least 1.' }) period?: number | null;
  @Field(() => PlanPeriodUnit, { nullable: true, description: 'Unit of `period`.' }) periodUnit?: PlanPeriodUnit | null;
  @Field(() => String, { nullable: true, description: 'Location code used to group and sort plans (CRM location_code).' }) locationCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Sub-location code used to group and sort plans (CRM sub_location_code).' }) subLocationCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Default true; a disabled plan cannot be subscribed to.' }) enabled?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether unused data carries over to the next period.' }) dataCarryover?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the bandwidth limit is hidden from the customer (CRM hide_bw_limit).' }) hideBandwidthLimit?: boolean | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'GB at bandwidth level 1; null = unlimited.' }) limit1Gb?: string | null;
  @Field(() => Int, { nullable: true, description: 'Level 1 (before the limit) download rate.' }) bw1DownloadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Level 1 (before the limit) upload rate.' }) bw1UploadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Level 2 (after the limit) download rate.' }) bw2DownloadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Level 2 (after the limit) upload rate.' }) bw2UploadKbps?: number | null;
  @Field(() => ID, { nullable: true, description: 'The rate limit (Jaze profile).' }) bandwidthTemplateId?: string | null;
  @Field(() => String, { nullable: true, description: 'FreeRADIUS group subscribers of this plan are put in.' }) radiusGroup?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'List price per billing period, at least 0.' }) price?: string | null;
  @Field(() => Int, { nullable: true, description: '1 to 120.' }) frequencyMonths?: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percent, 0 to 100.' }) taxRate?: string | null;
}

@InputType({ description: 'A new plan (CRM plan, SIMPLer product, Jaze group).' })
export class PlanCreateInput extends PlanFieldsInput {
  @Field(() => String, { description: 'Name of the plan as sold.' }) name!: string;
}

@InputType({ description: 'Changes a plan; fields left out stay. Subscriptions that did not override the price bill the new one from the next run.' })
export class PlanUpdateInput extends PlanFieldsInput {
  @Field(() => ID, { description: 'The plan to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Name of the plan as sold.' }) name?: string | null;
}

/** The fields of the payload of planCreate and planUpdate (each its own type): payloadOf below. */
@ObjectType()
export class PlanPayload {
  @Field(() => Plan, { nullable: true, description: 'The plan as saved; null when refused.' }) plan!: Plan | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const PlanCreatePayload = payloadOf(PlanPayload, 'planCreate', 'the new plan, or why it was refused');
export const PlanUpdatePayload = payloadOf(PlanPayload, 'planUpdate', 'the plan as changed, or why it was refused');

@InputType({ description: 'A new price point of a plan.' })
export class SubPlanCreateInput {
  @Field(() => ID, { description: 'The plan the price point belongs to.' }) planId!: string;
  @Field(() => String, { description: 'Name of the price point.' }) name!: string;
  @Field(() => Int, { nullable: true, description: 'Plan periods bought, at least 1; default 1.' }) units?: number | null;
  @Field(() => DecimalScalar, { description: 'At least 0.' }) price!: string;
  @Field(() => Boolean, { nullable: true, description: 'Published on the customer portal; default false.' }) portal?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Default true.' }) enabled?: boolean | null;
}

@InputType({ description: 'Changes a price point; fields left out stay. Its plan cannot change.' })
export class SubPlanUpdateInput {
  @Field(() => ID, { description: 'The price point to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Name of the price point.' }) name?: string | null;
  @Field(() => Int, { nullable: true, description: 'Plan periods bought, at least 1.' }) units?: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Price for the `units` periods, at least 0.' }) price?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Published on the customer portal.' }) portal?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the price point can be sold.' }) enabled?: boolean | null;
}

/** The fields of the payload of subPlanCreate and subPlanUpdate (each its own type): payloadOf below. */
@ObjectType()
export class SubPlanPayload {
  @Field(() => SubPlan, { nullable: true, description: 'The price point as saved; null when refused.' }) subPlan!: SubPlan | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const SubPlanCreatePayload = payloadOf(SubPlanPayload, 'subPlanCreate', 'the new price point, or why it was refused');
export const SubPlanUpdatePayload = payloadOf(SubPlanPayload, 'subPlanUpdate', 'the price point as changed, or why it was refused');
