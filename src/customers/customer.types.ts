/** The GraphQL shape of customers: the object, its inputs, filter and ordering. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar, EmailAddressScalar, IPScalar, LatitudeScalar, LongitudeScalar, MACScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError as UserErrorRef } from '../graphql/user-error';
import { AccessState, AccountType, InvoiceSendMethod, MonitorMode, PaymentMethod, ReferralFeeStatus, SandStatus, TaxMode } from './customer.enums';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType({ description: 'A postal address.' })
export class Address {
  @Field(() => String, { nullable: true }) street1!: string | null;
  @Field(() => String, { nullable: true }) street2!: string | null;
  @Field(() => String, { nullable: true }) town!: string | null;
  @Field(() => String, { nullable: true }) county!: string | null;
  @Field(() => String, { nullable: true }) postcode!: string | null;
  @Field(() => String, { nullable: true }) state!: string | null;
  @Field(() => String, { nullable: true }) country!: string | null;
}

@ObjectType({ description: 'An additional contact person of a customer.' })
export class Contact {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Their position or relation, e.g. "Accounts".' }) role!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) email!: string | null;
}

@ObjectType('Customer', { implements: Node, description: 'A subscriber account: SIMPLer customer, Jaze user and M4 user are this one record.' })
export class Customer extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Unique per operator; letters, digits and "_".' }) nickname!: string;
  @Field(() => String, { description: 'Unique per operator; the default end-user-portal login.' }) invoicingId!: string;
  @Field(() => String, { nullable: true }) companyName!: string | null;
  @Field(() => AccountType) accountType!: AccountType;
  @Field(() => String, { description: "The operator's lifecycle status, e.g. current, potential, post." }) status!: string;
  @Field(() => String, { nullable: true }) subStatus!: string | null;
  @Field(() => AccessState) accessState!: AccessState;
  @Field(() => String, { nullable: true }) customerTracking!: string | null;
  @Field(() => Int, { nullable: true, description: '1 (low) to 5 (high).' }) importance!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true }) privateNote!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Initial contact date.' }) initDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) startDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) installDate!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) activatedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the current service period ends.' }) expiresAt!: Date | null;

  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) altPhone!: string | null;
  @Field(() => String, { nullable: true }) fax!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) email!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) accountsEmail!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) supportEmail!: string | null;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => Address, { description: 'The main (billing) address.' }) billingAddress!: Address;
  @Field(() => Address, { description: 'Where the service is installed.' }) installationAddress!: Address;
  @Field(() => String, { nullable: true }) installationArea!: string | null;
  @Field(() => LatitudeScalar, { nullable: true }) latitude!: string | null;
  @Field(() => LongitudeScalar, { nullable: true }) longitude!: string | null;

  @Field(() => String, { nullable: true }) portalUsername!: string | null;
  @Field(() => Boolean, { description: 'Whether an end-user-portal password is set (it is never returned).' }) hasPortalPassword!: boolean;
  @Field(() => String, { nullable: true }) marketingCode!: string | null;
  @Field(() => Boolean) marketingEmails!: boolean;
  @Field(() => String, { nullable: true }) referenceText!: string | null;
  @Field(() => ReferralFeeStatus, { nullable: true }) referralFeeStatus!: ReferralFeeStatus | null;
  @Field(() => DecimalScalar, { nullable: true }) referralFeeAmount!: string | null;

  @Field(() => Boolean) invoicingEnabled!: boolean;
  @Field(() => Int) billingFrequencyMonths!: number;
  @Field(() => Int, { nullable: true }) invoicingDay!: number | null;
  @Field(() => PaymentMethod, { nullable: true }) paymentMethod!: PaymentMethod | null;
  @Field(() => InvoiceSendMethod) invoiceSendMethod!: InvoiceSendMethod;
  @Field(() => Boolean) sendReceipt!: boolean;
  @Field(() => Int, { nullable: true }) creditDays!: number | null;
  @Field(() => DecimalScalar, { nullable: true }) setupFees!: string | null;
  @Field(() => Boolean) vatExempt!: boolean;
  @Field(() => String, { nullable: true }) vatExemptionReference!: string | null;
  @Field(() => DateScalar, { nullable: true }) vatExemptionDate!: string | null;
  @Field(() => TaxMode, { nullable: true }) taxMode!: TaxMode | null;
  @Field(() => DecimalScalar, { nullable: true }) taxRate!: string | null;
  @Field(() => Boolean) freeService!: boolean;

  @Field(() => Boolean) voipEnabled!: boolean;
  @Field(() => MonitorMode, { nullable: true }) monitor!: MonitorMode | null;
  @Field(() => Int, { nullable: true }) connectionLimit!: number | null;

  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  servicePlanId!: number | null;
  resellerId!: number | null;
  communityCodeId!: number | null;
}

// ---------------------------------------------------------------- inputs

@InputType({ description: 'A postal address; omitted parts are left as they are.' })
export class AddressInput {
  @Field(() => String, { nullable: true }) street1?: string | null;
  @Field(() => String, { nullable: true }) street2?: string | null;
  @Field(() => String, { nullable: true }) town?: string | null;
  @Field(() => String, { nullable: true }) county?: string | null;
  @Field(() => String, { nullable: true }) postcode?: string | null;
  @Field(() => String, { nullable: true }) state?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
}

@InputType()
export class ContactInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) role?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) email?: string | null;
}

@InputType()
export class CustomFieldValueInput {
  @Field(() => Int, { description: 'Legacy id of the custom field (SIMPLer custom_field_<id>).' }) fieldId!: number;
  @Field(() => String, { nullable: true, description: 'null clears the value.' }) value?: string | null;
}

/** Fields shared by create and update; all optional. */
@InputType({ description: 'SIMPLer "sand" settings: automatic invoice follow-up and traffic-cap enforcement. Offsets read like "15 days".' })
export class CustomerSandSettingsInput {
  @Field(() => SandStatus, { nullable: true }) invoiceStatus?: SandStatus | null;
  @Field(() => EmailAddressScalar, { nullable: true }) invoiceEmailFrom?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) invoiceEmailTo?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) invoiceEmailBcc?: string | null;
  @Field(() => String, { nullable: true }) invoiceBillingIssueDate?: string | null;
  @Field(() => String, { nullable: true }) invoiceEmailDate1?: string | null;
  @Field(() => String, { nullable: true }) invoiceEmailDate2?: string | null;
  @Field(() => String, { nullable: true }) invoiceDisconnectionDate?: string | null;
  @Field(() => String, { nullable: true }) invoiceThrottlingDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) invoiceDeferredTo?: string | null;
  @Field(() => String, { nullable: true }) lodgementFailureEmail2?: string | null;
  @Field(() => String, { nullable: true }) lodgementFailureEmail3?: string | null;
  @Field(() => String, { nullable: true }) lodgementFailureDisconnection?: string | null;
  @Field(() => Int, { nullable: true, description: 'Traffic cap in GB.' }) trafficLimitGb?: number | null;
  @Field(() => SandStatus, { nullable: true }) trafficStatus?: SandStatus | null;
  @Field(() => EmailAddressScalar, { nullable: true }) trafficEmailFrom?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) trafficEmailTo?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) trafficEmailBcc?: string | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficEmailThreshold1?: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficEmailThreshold2?: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficDisconnectionThreshold?: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficOverageThreshold?: number | null;
  @Field(() => Int, { nullable: true, description: '-1 prorate the cap in the first month, 1 do not; null default.' }) trafficDoNotProrate?: number | null;
  @Field(() => Int, { nullable: true, description: '-1 carry overage top-ups over, 1 do not; null default.' }) trafficDoNotCarryOverage?: number | null;
  @Field(() => DateScalar, { nullable: true }) trafficDeferredTo?: string | null;
}

@InputType('CustomerFieldsInput', { description: 'Customer fields shared by create and update.' })
export class CustomerFieldsInput {
  @Field(() => String, { nullable: true }) companyName?: string | null;
  @Field(() => AccountType, { nullable: true }) accountType?: AccountType;
  @Field(() => String, { nullable: true, description: "One of the operator's customer statuses." }) status?: string;
  @Field(() => String, { nullable: true }) subStatus?: string | null;
  @Field(() => AccessState, { nullable: true }) accessState?: AccessState;
  @Field(() => String, { nullable: true }) customerTracking?: string | null;
  @Field(() => Int, { nullable: true }) importance?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, { nullable: true }) privateNote?: string | null;
  @Field(() => DateScalar, { nullable: true }) initDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) startDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) installDate?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) altPhone?: string | null;
  @Field(() => String, { nullable: true }) fax?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) email?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) accountsEmail?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) supportEmail?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => AddressInput, { nullable: true }) billingAddress?: AddressInput | null;
  @Field(() => AddressInput, { nullable: true }) installationAddress?: AddressInput | null;
  @Field(() => String, { nullable: true }) installationArea?: string | null;
  @Field(() => LatitudeScalar, { nullable: true }) latitude?: number | null;
  @Field(() => LongitudeScalar, { nullable: true }) longitude?: number | null;
  @Field(() => String, { nullable: true }) portalUsername?: string | null;
  @Field(() => String, { nullable: true, description: 'Stored only as a hash.' }) portalPassword?: string | null;
  @Field(() => String, { nullable: true }) marketingCode?: string | null;
  @Field(() => Boolean, { nullable: true }) marketingEmails?: boolean;
  @Field(() => String, { nullable: true }) referenceText?: string | null;
  @Field(() => ID, { nullable: true, description: 'The customer who referred this one.' }) referrerCustomerId?: string | null;
  @Field(() => ReferralFeeStatus, { nullable: true }) referralFeeStatus?: ReferralFeeStatus | null;
  @Field(() => DecimalScalar, { nullable: true }) referralFeeAmount?: string | null;
  @Field(() => Boolean, { nullable: true }) invoicingEnabled?: boolean;
  @Field(() => Int, { nullable: true }) billingFrequencyMonths?: number;
  @Field(() => Int, { nullable: true }) invoicingDay?: number | null;
  @Field(() => PaymentMethod, { nullable: true }) paymentMethod?: PaymentMethod | null;
  @Field(() => InvoiceSendMethod, { nullable: true }) invoiceSendMethod?: InvoiceSendMethod;
  @Field(() => Boolean, { nullable: true }) sendReceipt?: boolean;
  @Field(() => Int, { nullable: true }) creditDays?: number | null;
  @Field(() => DecimalScalar, { nullable: true }) setupFees?: string | null;
  @Field(() => Boolean, { nullable: true }) vatExempt?: boolean;
  @Field(() => TaxMode, { nullable: true }) taxMode?: TaxMode | null;
  @Field(() => DecimalScalar, { nullable: true }) taxRate?: string | null;
  @Field(() => Boolean, { nullable: true }) freeService?: boolean;
  @Field(() => Boolean, { nullable: true }) voipEnabled?: boolean;
  @Field(() => MonitorMode, { nullable: true }) monitor?: MonitorMode | null;
  @Field(() => Int, { nullable: true }) connectionLimit?: number | null;
  @Field(() => ID, { nullable: true, description: 'The plan (Jaze group) the customer is on.' }) servicePlanId?: string | null;
  @Field(() => ID, { nullable: true }) resellerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A CommunityCode id; null clears.' }) communityCodeId?: string | null;
  @Field(() => [ContactInput], { nullable: true, description: 'Replaces the additional contacts.' }) contacts?: ContactInput[] | null;
  @Field(() => [CustomFieldValueInput], { nullable: true }) customFields?: CustomFieldValueInput[] | null;
  @Field(() => ID, { nullable: true, description: 'The gateway (SIMPLer gwid) the customer is served by.' }) gatewayId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Default tax zone.' }) taxZoneId?: string | null;
  @Field(() => Int, { nullable: true, description: 'SIMPLer bucket id (legacy id; buckets are not graph nodes yet).' }) bucketId?: number | null;
  @Field(() => Int, { nullable: true, description: 'Sales person (legacy id) acting as salesman.' }) salesmanId?: number | null;
  @Field(() => Int, { nullable: true, description: 'Sales person (legacy id) acting as value-added reseller.' }) valueAddedResellerId?: number | null;
  @Field(() => Int, { nullable: true, description: 'Sales person (legacy id) acting as master agent.' }) masterAgentId?: number | null;
  @Field(() => Int, { nullable: true, description: 'Sales person (legacy id) acting as regional sales manager.' }) regionalSalesManagerId?: number | null;
  @Field(() => [Int], { nullable: true, description: 'Replaces group membership (customer group legacy ids).' }) groupIds?: number[] | null;
  @Field(() => CustomerSandSettingsInput, { nullable: true, description: 'Automatic invoice and traffic enforcement; omitted settings stay, null goes back to the default.' })
  sand?: CustomerSandSettingsInput | null;
}

@InputType({ description: 'A new customer. A nickname or invoicing id in use gets a serial number postfix.' })
export class CustomerCreateInput extends CustomerFieldsInput {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Letters, digits and "_"; made unique with a serial postfix.' }) nickname!: string;
  @Field(() => String, { description: 'Made unique with a serial postfix.' }) invoicingId!: string;
}

@InputType({ description: 'Changes to a customer; omitted fields keep their value, null clears one.' })
export class CustomerUpdateInput extends CustomerFieldsInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) nickname?: string;
  @Field(() => String, { nullable: true }) invoicingId?: string;
}

@InputType()
export class CustomerDeleteInput {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { nullable: true, description: "Delete the customer's maintenance tickets too." }) deleteMaintenance?: boolean;
  @Field(() => Boolean, { nullable: true, description: "Delete the customer's subscriptions too." }) deleteSubscriptions?: boolean;
}

@ObjectType()
export class CustomerPayload {
  @Field(() => Customer, { nullable: true }) customer!: Customer | null;
  @Field(() => [UserErrorRef]) userErrors!: UserErrorRef[];
}

@ObjectType()
export class CustomerDeletePayload {
  @Field(() => ID, { nullable: true }) deletedId!: string | null;
  @Field(() => [UserErrorRef]) userErrors!: UserErrorRef[];
}

// ---------------------------------------------------------------- listing

@InputType({ description: 'Filters for customers; text filters match anywhere in the field.' })
export class CustomerFilterInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'First word of the name.' }) firstName?: string | null;
  @Field(() => String, { nullable: true, description: 'The name after its first word.' }) lastName?: string | null;
  @Field(() => String, { nullable: true }) nickname?: string | null;
  @Field(() => String, { nullable: true }) invoicingId?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [String], { nullable: true }) status?: string[] | null;
  @Field(() => [AccessState], { nullable: true }) accessState?: AccessState[] | null;
  @Field(() => String, { nullable: true }) street1?: string | null;
  @Field(() => String, { nullable: true }) street2?: string | null;
  @Field(() => String, { nullable: true }) town?: string | null;
  @Field(() => String, { nullable: true }) county?: string | null;
  @Field(() => String, { nullable: true }) postcode?: string | null;
  @Field(() => String, { nullable: true }) state?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => ID, { nullable: true }) resellerId?: string | null;
  @Field(() => ID, { nullable: true }) servicePlanId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) createdFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) createdTo?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
  @Field(() => IPScalar, { nullable: true, description: 'An address bound to the customer, or held by one of its open RADIUS sessions now.' }) ipAddress?: string | null;
  @Field(() => MACScalar, { nullable: true, description: 'A MAC bound to the customer, or calling from one of its open RADIUS sessions now.' }) macAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'One of the customer’s RADIUS logins (exact).' }) radiusUsername?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only customers with an open RADIUS session; false: only those without.' }) online?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Match text filters and statuses case-sensitively (default: false).' }) caseSensitive?: boolean | null;
}

export enum CustomerOrderField {
  ID = 'ID',
  NAME = 'NAME',
  NICKNAME = 'NICKNAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(CustomerOrderField, {
  name: 'CustomerOrderField',
  description: 'What customers can be ordered by.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    NAME: { description: 'Name, alphabetically.' },
    NICKNAME: { description: 'Nickname, alphabetically.' },
    CREATED_AT: { description: 'When they were added.' },
    UPDATED_AT: { description: 'When they last changed.' },
  },
});

@InputType()
export class CustomerOrder {
  @Field(() => CustomerOrderField) field!: CustomerOrderField;
  @Field(() => SortDirection, { nullable: true }) direction?: SortDirection;
}

