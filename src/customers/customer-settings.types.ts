/**
 * What the customer inputs write and the Customer object did not show: bucket, sales hierarchy,
 * referrer, groups, custom field values and sand settings, readable as they were written.
 */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar, EmailAddressScalar } from '../graphql/scalars';
import { CustomFieldType, SandStatus } from './customer.enums';

@ObjectType({ description: 'A SIMPLer bucket: a traffic allowance whose settings pick the RADIUS group (and rate limit) of an account.' })
export class Bucket {
  @Field(() => Int, { description: 'The id the legacy APIs and CustomerFieldsInput.bucketId use.' }) legacyId!: number;
  @Field(() => String, { description: 'Name of the bucket.' }) name!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'GB; null is unlimited.' }) trafficLimitGb!: string | null;
  @Field(() => String, { nullable: true, description: 'RADIUS group accounts in this bucket are put in.' }) radiusGroup!: string | null;
}

export enum SalesRole {
  VALUE_ADDED_RESELLER = 'value_added_reseller',
  MASTER_AGENT = 'master_agent',
  REGIONAL_SALES_MANAGER = 'regional_sales_manager',
  SALESMAN = 'salesman',
}
registerEnumType(SalesRole, {
  name: 'SalesRole',
  description: "A level of SIMPLer's sales hierarchy.",
  valuesConfig: {
    VALUE_ADDED_RESELLER: { description: 'A value-added reseller.' },
    MASTER_AGENT: { description: 'A master agent.' },
    REGIONAL_SALES_MANAGER: { description: 'A regional sales manager.' },
    SALESMAN: { description: 'A salesman.' },
  },
});

@ObjectType({ description: "A person in the operator's sales hierarchy." })
export class SalesPerson {
  @Field(() => Int, { description: 'The id CustomerFieldsInput.salesmanId and its siblings use.' }) legacyId!: number;
  @Field(() => SalesRole, { description: 'Their level in the sales hierarchy.' }) role!: SalesRole;
  @Field(() => String, { description: 'Full name.' }) name!: string;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Email address.' }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'Phone number.' }) phone!: string | null;
}

@ObjectType({ description: 'A customer group.' })
export class CustomerGroup {
  @Field(() => Int, { description: 'The id CustomerFieldsInput.groupIds uses.' }) legacyId!: number;
  @Field(() => String, { description: 'Name of the group.' }) name!: string;
}

@ObjectType({ description: "One of the operator's customer custom fields with this customer's value." })
export class CustomFieldValue {
  @Field(() => Int, { description: 'The id CustomFieldValueInput.fieldId uses (SIMPLer custom_field_<id>).' }) fieldId!: number;
  @Field(() => String, { description: 'Label of the custom field.' }) label!: string;
  @Field(() => CustomFieldType, { description: 'What the field holds, and so how it is entered.' }) type!: CustomFieldType;
  @Field(() => String, { nullable: true, description: 'Null when unset.' }) value!: string | null;
}

@ObjectType({ description: 'SIMPLer "sand" settings of a customer, as CustomerSandSettingsInput writes them.' })
export class CustomerSandSettings {
  @Field(() => SandStatus, { nullable: true, description: 'Whether automatic invoice follow-up uses these settings, the default, or is off.' }) invoiceStatus!: SandStatus | null;
  @Field(() => String, { nullable: true, description: 'Sender of the follow-up emails.' }) invoiceEmailFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'Recipient of the follow-up emails.' }) invoiceEmailTo!: string | null;
  @Field(() => String, { nullable: true, description: 'Blind copy of the follow-up emails.' }) invoiceEmailBcc!: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of the billing-issue step, e.g. "15 days".' }) invoiceBillingIssueDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of the first reminder email.' }) invoiceEmailDate1!: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of the second reminder email.' }) invoiceEmailDate2!: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of disconnection for an unpaid invoice.' }) invoiceDisconnectionDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of throttling for an unpaid invoice.' }) invoiceThrottlingDate!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Invoice follow-up is deferred until this date.' }) invoiceDeferredTo!: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of the second email after a failed direct-debit lodgement.' }) lodgementFailureEmail2!: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of the third email after a failed direct-debit lodgement.' }) lodgementFailureEmail3!: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of disconnection after a failed direct-debit lodgement.' }) lodgementFailureDisconnection!: string | null;
  @Field(() => Int, { nullable: true, description: 'Traffic cap in GB.' }) trafficLimitGb!: number | null;
  @Field(() => SandStatus, { nullable: true, description: 'Whether traffic-cap enforcement uses these settings, the default, or is off.' }) trafficStatus!: SandStatus | null;
  @Field(() => String, { nullable: true, description: 'Sender of the traffic-cap emails.' }) trafficEmailFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'Recipient of the traffic-cap emails.' }) trafficEmailTo!: string | null;
  @Field(() => String, { nullable: true, description: 'Blind copy of the traffic-cap emails.' }) trafficEmailBcc!: string | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficEmailThreshold1!: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficEmailThreshold2!: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficDisconnectionThreshold!: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficOverageThreshold!: number | null;
  @Field(() => Int, { nullable: true, description: '-1 prorate the cap in the first month, 1 do not; null default.' }) trafficDoNotProrate!: number | null;
  @Field(() => Int, { nullable: true, description: '-1 carry overage top-ups over, 1 do not; null default.' }) trafficDoNotCarryOverage!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Traffic-cap enforcement is deferred until this date.' }) trafficDeferredTo!: string | null;
}
