/** The GraphQL shape of per-customer RADIUS profile overrides (Jaze E28 bandwidth, E30 vendor attributes). */
import { inputOf, payloadOf } from '../graphql/payload';
import { RadiusOperator } from './radius.enums';
import { Field, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { BandwidthTemplate } from '../catalog/bandwidth-template.types';
import { Customer } from '../customers/customer.types';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

export enum OverrideReset {
  ALWAYS = 'always',
  DATA = 'data',
  UPLOAD_DOWNLOAD = 'upload_download',
}
registerEnumType(OverrideReset, {
  name: 'OverrideReset',
  description: 'When the second profile takes over (Jaze …Reset): ALWAYS; DATA = while the FUP limit is not exceeded; UPLOAD_DOWNLOAD = while neither upload nor download exceeds it.',
  valuesConfig: {
    UPLOAD_DOWNLOAD: { description: 'While neither upload nor download exceeds the FUP limit.' },
    DATA: { description: 'While the FUP limit on total data is not exceeded.' },
    ALWAYS: { description: 'The second profile applies always.' },
  },
});

export enum OverrideResetUnit {
  MB = 'mb',
  GB = 'gb',
}
registerEnumType(OverrideResetUnit, {
  name: 'OverrideResetUnit',
  description: 'The unit of an override\'s FUP limit.',
  valuesConfig: {
    GB: { description: 'Gigabytes.' },
    MB: { description: 'Megabytes.' },
  },
});

export enum OverrideResetEvery {
  DAILY = 'daily',
  WEEKLY = 'weekly',
  MONTHLY = 'monthly',
  NEVER = 'never',
  BILLING = 'billing',
}
registerEnumType(OverrideResetEvery, {
  name: 'OverrideResetEvery',
  description: 'When the usage counted against the limit starts again.',
  valuesConfig: {
    BILLING: { description: 'At the start of each of the customer\'s billing periods.' },
    NEVER: { description: 'Never: usage keeps counting.' },
    MONTHLY: { description: 'Every month, on day `resetEveryValue`.' },
    WEEKLY: { description: 'Every week, on `resetEveryDay`.' },
    DAILY: { description: 'Every day.' },
  },
});

export enum RadiusAttributeKind {
  CHECK = 'check',
  REPLY = 'reply',
}
registerEnumType(RadiusAttributeKind, {
  name: 'RadiusAttributeKind',
  description: 'A check item (radcheck) or a reply item (radreply).',
  valuesConfig: {
    REPLY: { description: 'A reply item (radreply), sent back to the NAS.' },
    CHECK: { description: 'A check item (radcheck), compared against the request.' },
  },
});

@InterfaceType('ProfileOverride', {
  description: "A customer's override of its plan's RADIUS profile, with the Jaze reset rules.",
  resolveType: (value: object) => ('bandwidthTemplateId' in value ? 'BandwidthOverride' : 'VendorAttributeOverride'),
})
export abstract class OverrideResetFields {
  @Field(() => Boolean, { description: 'Only when on do the reset fields take effect.' }) restrictionOn!: boolean;
  @Field(() => OverrideReset, { nullable: true, description: 'When the second profile takes over; null when the restriction is off.' }) reset!: OverrideReset | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'The FUP limit, in resetUnit.' }) resetLimit!: string | null;
  @Field(() => OverrideResetUnit, { nullable: true, description: 'The unit of resetLimit; null when not used.' }) resetUnit!: OverrideResetUnit | null;
  @Field(() => OverrideResetEvery, { nullable: true, description: 'When the usage counted against the limit starts again; null when not used.' }) resetEvery!: OverrideResetEvery | null;
  @Field(() => Int, { nullable: true, description: 'Day of month (1..31) a MONTHLY period starts on.' }) resetEveryValue!: number | null;
  @Field(() => Int, { nullable: true, description: 'Day of week (0 = Sunday .. 6) a WEEKLY period starts on.' }) resetEveryDay!: number | null;
  @Field(() => OverrideReset, { nullable: true, description: 'Only ALWAYS exists.' }) reset2!: OverrideReset | null;
  @Field(() => DateTimeScalar, { description: 'When the override was last set.' }) updatedAt!: Date;
}

@ObjectType('BandwidthOverride', { implements: OverrideResetFields, description: "A customer's bandwidth (FUP) override of its plan's profile (Jaze override_user_bandwidth)." })
export class BandwidthOverride extends OverrideResetFields {
  @Field(() => Boolean, { description: 'Upload does not count toward the FUP limit.' }) excludeUpload!: boolean;
  @Field(() => Boolean, { description: 'Jaze carryForwardPreviousData: whether the previous period\'s data is carried forward.' }) carryForwardPreviousData!: boolean;

  bandwidthTemplateId!: number;
  bandwidthTemplate2Id!: number | null;
}

@ObjectType('VendorAttributeOverrideItem', { description: 'One vendor attribute of an override (Jaze vendorData / vendorData1 entry).' })
export class VendorAttributeOverrideItem {
  @Field(() => Int, { description: '1 = the normal profile (vendorData), 2 = after the reset (vendorData1).' }) set!: number;
  @Field(() => RadiusAttributeKind, { description: 'Check item or reply item.' }) kind!: RadiusAttributeKind;
  @Field(() => String, { description: 'The RADIUS vendor the attribute belongs to.' }) vendor!: string;
  @Field(() => String, { description: 'The attribute name.' }) attribute!: string;
  @Field(() => RadiusOperator, { description: 'How the attribute is compared or given (Jaze equals).' }) op!: RadiusOperator;
  @Field(() => String, { description: 'The attribute value.' }) value!: string;
}

@ObjectType('VendorAttributeOverride', { implements: OverrideResetFields, description: "A customer's override of vendor-specific RADIUS attributes (Jaze override_user_vendor_attributes)." })
export class VendorAttributeOverride extends OverrideResetFields {
  @Field(() => [VendorAttributeOverrideItem], { description: 'By set, then in the order given.' }) items!: VendorAttributeOverrideItem[];
}

// ---------------------------------------------------------------- inputs

@InputType('ProfileOverrideInput', { description: 'The reset fields both profile overrides share.' })
export class OverrideResetInput {
  @Field(() => ID, { description: 'The customer whose override is set.' }) customerId!: string;
  @Field(() => Boolean, { nullable: true, description: 'Jaze …Restriction "on". When off (the default) every reset field, the second profile and the FUP options are ignored and stored empty.' })
  restrictionOn?: boolean | null;
  @Field(() => OverrideReset, { nullable: true, description: 'Required when the restriction is on.' }) reset?: OverrideReset | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Greater than 0; required unless reset is ALWAYS.' }) resetLimit?: string | null;
  @Field(() => OverrideResetUnit, { nullable: true, description: 'Required unless reset is ALWAYS.' }) resetUnit?: OverrideResetUnit | null;
  @Field(() => OverrideResetEvery, { nullable: true, description: 'Required unless reset is ALWAYS.' }) resetEvery?: OverrideResetEvery | null;
  @Field(() => Int, { nullable: true, description: 'Day of month 1..31; only (and then required) for MONTHLY.' }) resetEveryValue?: number | null;
  @Field(() => Int, { nullable: true, description: 'Day of week 0 (Sunday)..6; only (and then required) for WEEKLY.' }) resetEveryDay?: number | null;
  @Field(() => OverrideReset, { nullable: true, description: 'Only ALWAYS; required unless reset is ALWAYS.' }) reset2?: OverrideReset | null;
}

@InputType({ description: "Sets (replaces) a customer's bandwidth override (Jaze override_user_bandwidth)." })
export class CustomerBandwidthOverrideUpdateInput extends OverrideResetInput {
  @Field(() => ID, { description: 'The BandwidthTemplate applied.' }) bandwidthTemplateId!: string;
  @Field(() => ID, { nullable: true, description: 'The BandwidthTemplate after the reset; required unless reset is ALWAYS.' }) bandwidthTemplate2Id?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Exclude upload data from the FUP limit.' }) excludeUpload?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Jaze carryForwardPreviousData: whether the previous period\'s data is carried forward.' }) carryForwardPreviousData?: boolean | null;
}

@InputType({ description: 'One vendor attribute of an override.' })
export class VendorAttributeItemInput {
  @Field(() => Int, { description: '1 = vendorData (required, at least one), 2 = vendorData1 (required unless reset is ALWAYS).' }) set!: number;
  @Field(() => RadiusAttributeKind, { description: 'Check item or reply item.' }) kind!: RadiusAttributeKind;
  @Field(() => String, { description: 'The RADIUS vendor the attribute belongs to.' }) vendor!: string;
  @Field(() => String, { description: 'The attribute name.' }) attribute!: string;
  @Field(() => RadiusOperator, { description: 'How the attribute is compared or given.' }) op!: RadiusOperator;
  @Field(() => String, { description: 'The attribute value.' }) value!: string;
}

@InputType({ description: "Sets (replaces) a customer's vendor-attribute override (Jaze override_user_vendor_attributes)." })
export class CustomerVendorAttributeOverrideUpdateInput extends OverrideResetInput {
  @Field(() => [VendorAttributeItemInput], { description: 'By set, then in the order given.' }) items!: VendorAttributeItemInput[];
}

/** The fields of the input of customerBandwidthOverrideClear and customerVendorAttributeOverrideClear (each its own type): inputOf below. */
@InputType()
export class CustomerOverrideClearInput {
  @Field(() => ID, { description: 'The customer whose override to remove.' }) customerId!: string;
}
export const CustomerBandwidthOverrideClearInput = inputOf(CustomerOverrideClearInput, 'customerBandwidthOverrideClear', 'Names the customer whose bandwidth override to remove.');
export const CustomerVendorAttributeOverrideClearInput = inputOf(
  CustomerOverrideClearInput,
  'customerVendorAttributeOverrideClear',
  'Names the customer whose vendor-attribute override to remove.',
);

/** The fields of the payload of customerBandwidthOverrideUpdate: payloadOf below. */
@ObjectType()
export class BandwidthOverridePayload {
  @Field(() => Customer, { nullable: true, description: 'The customer with the new override; null when the change was refused.' }) customer!: Customer | null;
  @Field(() => BandwidthOverride, { nullable: true, description: 'The bandwidth override as it now is; null when the change was refused.' }) bandwidthOverride!: BandwidthOverride | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const CustomerBandwidthOverrideUpdatePayload = payloadOf(BandwidthOverridePayload, 'customerBandwidthOverrideUpdate', "the customer's new bandwidth override, or why it was refused");

/** The fields of the payload of customerVendorAttributeOverrideUpdate: payloadOf below. */
@ObjectType()
export class VendorAttributeOverridePayload {
  @Field(() => Customer, { nullable: true, description: 'The customer with the new override; null when the change was refused.' }) customer!: Customer | null;
  @Field(() => VendorAttributeOverride, { nullable: true, description: 'The vendor attribute override as it now is; null when the change was refused.' }) vendorAttributeOverride!: VendorAttributeOverride | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const CustomerVendorAttributeOverrideUpdatePayload = payloadOf(VendorAttributeOverridePayload, 'customerVendorAttributeOverrideUpdate', "the customer's new vendor-attribute override, or why it was refused");

/** The fields of the payload of customerBandwidthOverrideClear and customerVendorAttributeOverrideClear (each its own type): payloadOf below. */
@ObjectType()
export class CustomerOverrideClearPayload {
  @Field(() => Customer, { nullable: true, description: 'The customer without the override; null when the change was refused.' }) customer!: Customer | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether there was an override to remove.' }) removed!: boolean | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const CustomerBandwidthOverrideClearPayload = payloadOf(CustomerOverrideClearPayload, 'customerBandwidthOverrideClear', 'the customer without the bandwidth override, or why it was refused');
export const CustomerVendorAttributeOverrideClearPayload = payloadOf(CustomerOverrideClearPayload, 'customerVendorAttributeOverrideClear', 'the customer without the vendor-attribute override, or why it was refused');
