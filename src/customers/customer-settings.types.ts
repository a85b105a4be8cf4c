/**
 * What the customer inputs write and the Customer object did not show: bucket, sales hierarchy,
 * referrer, groups, custom field values and sand settings, readable as they were written.
 */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar, EmailAddressScalar } from '../graphql/scalars';
import { SandStatus } from './customer.enums';

@ObjectType({ description: 'A SIMPLer bucket: a traffic allowance whose settings pick the RADIUS group (and rate limit) of an account.' })
export class Bucket {
  @Field(() => Int, { description: 'The id the legacy APIs and CustomerFieldsInput.bucketId use.' }) legacyId!: number;
  @Field(() => String) name!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'GB; null is unlimited.' }) trafficLimitGb!: string | null;
  @Field(() => String, { nullable: true }) radiusGroup!: string | null;
}

export enum SalesRole {
  VALUE_ADDED_RESELLER = 'value_added_reseller',
  MASTER_AGENT = 'master_agent',
  REGIONAL_SALES_MANAGER = 'regional_sales_manager',
  SALESMAN = 'salesman',
}
registerEnumType(SalesRole, { name: 'SalesRole', description: "A level of SIMPLer's sales hierarchy." });

@ObjectType({ description: "A person in the operator's sales hierarchy." })
export class SalesPerson {
  @Field(() => Int, { description: 'The id CustomerFieldsInput.salesmanId and its siblings use.' }) legacyId!: number;
  @Field(() => SalesRole) role!: SalesRole;
  @Field(() => String) name!: string;
  @Field(() => EmailAddressScalar, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

@ObjectType({ description: 'A customer group.' })
export class CustomerGroup {
  @Field(() => Int, { description: 'The id CustomerFieldsInput.groupIds uses.' }) legacyId!: number;
  @Field(() => String) name!: string;
}

@ObjectType({ description: "One of the operator's customer custom fields with this customer's value." })
export class CustomFieldValue {
  @Field(() => Int, { description: 'The id CustomFieldValueInput.fieldId uses (SIMPLer custom_field_<id>).' }) fieldId!: number;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'textfield, textarea, number, date, checkbox or select.' }) type!: string;
  @Field(() => String, { nullable: true, description: 'Null when unset.' }) value!: string | null;
}

@ObjectType({ description: 'SIMPLer "sand" settings of a customer, as CustomerSandSettingsInput writes them.' })
export class CustomerSandSettings {
  @Field(() => SandStatus, { nullable: true }) invoiceStatus!: SandStatus | null;
  @Field(() => String, { nullable: true }) invoiceEmailFrom!: string | null;
  @Field(() => String, { nullable: true }) invoiceEmailTo!: string | null;
  @Field(() => String, { nullable: true }) invoiceEmailBcc!: string | null;
  @Field(() => String, { nullable: true }) invoiceBillingIssueDate!: string | null;
  @Field(() => String, { nullable: true }) invoiceEmailDate1!: string | null;
  @Field(() => String, { nullable: true }) invoiceEmailDate2!: string | null;
  @Field(() => String, { nullable: true }) invoiceDisconnectionDate!: string | null;
  @Field(() => String, { nullable: true }) invoiceThrottlingDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) invoiceDeferredTo!: string | null;
  @Field(() => String, { nullable: true }) lodgementFailureEmail2!: string | null;
  @Field(() => String, { nullable: true }) lodgementFailureEmail3!: string | null;
  @Field(() => String, { nullable: true }) lodgementFailureDisconnection!: string | null;
  @Field(() => Int, { nullable: true, description: 'Traffic cap in GB.' }) trafficLimitGb!: number | null;
  @Field(() => SandStatus, { nullable: true }) trafficStatus!: SandStatus | null;
  @Field(() => String, { nullable: true }) trafficEmailFrom!: string | null;
  @Field(() => String, { nullable: true }) trafficEmailTo!: string | null;
  @Field(() => String, { nullable: true }) trafficEmailBcc!: string | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficEmailThreshold1!: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficEmailThreshold2!: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficDisconnectionThreshold!: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficOverageThreshold!: number | null;
  @Field(() => Int, { nullable: true, description: '-1 prorate the cap in the first month, 1 do not; null default.' }) trafficDoNotProrate!: number | null;
  @Field(() => Int, { nullable: true, description: '-1 carry overage top-ups over, 1 do not; null default.' }) trafficDoNotCarryOverage!: number | null;
  @Field(() => DateScalar, { nullable: true }) trafficDeferredTo!: string | null;
}
