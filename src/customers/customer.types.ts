/** The GraphQL shape of customers: the object, its inputs, filter and ordering. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Address, AddressInput } from '../graphql/address';
import { GeoPoint, GeoPointInput } from '../graphql/geo-point';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateScalar, DateTimeScalar, DecimalScalar, EmailAddressScalar, IPScalar, MACScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError as UserErrorRef } from '../graphql/user-error';
import { AccessState, AccountType, InvoiceSendMethod, MonitorMode, PaymentMethod, ReferralFeeStatus, SandStatus, TaxMode } from './customer.enums';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType({ description: 'An additional contact person of a customer.' })
export class Contact {
  @Field(() => String, { description: 'Full name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Phone number.' }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Their position or relation, e.g. "Accounts".' }) role!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Email address.' }) email!: string | null;
}

@ObjectType('Customer', { implements: Node, description: 'A subscriber account: SIMPLer customer, Jaze user and M4 user are this one record.' })
export class Customer extends NumberedNode {
  @Field(() => String, { description: 'Full name of the customer or contact person.' }) name!: string;
  @Field(() => String, { description: 'Unique per operator; letters, digits and "_".' }) nickname!: string;
  @Field(() => String, { description: 'Unique per operator; the default end-user-portal login.' }) invoicingId!: string;
  @Field(() => String, { nullable: true, description: 'Company name, for business accounts.' }) companyName!: string | null;
  @Field(() => AccountType, { description: 'What kind of party the account is.' }) accountType!: AccountType;
  @Field(() => String, { description: "The operator's lifecycle status, e.g. current, potential, post." }) status!: string;
  @Field(() => String, { nullable: true, description: 'A finer status within `status`, as the operator defines it.' }) subStatus!: string | null;
  @Field(() => AccessState, { description: 'Whether the subscriber may use the service now.' }) accessState!: AccessState;
  @Field(() => String, { nullable: true, description: 'Free-text tracking label the operator uses.' }) customerTracking!: string | null;
  @Field(() => Int, { nullable: true, description: '1 (low) to 5 (high).' }) importance!: number | null;
  @Field(() => String, { nullable: true, description: 'General note about the customer.' }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'Private note for staff.' }) privateNote!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Initial contact date.' }) initDate!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date the service started.' }) startDate!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date the service was installed.' }) installDate!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the account was activated; null if never.' }) activatedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the current service period ends.' }) expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Main phone number.' }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Alternative phone number.' }) altPhone!: string | null;
  @Field(() => String, { nullable: true, description: 'Fax number.' }) fax!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Main email address.' }) email!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Email address for invoices and billing.' }) accountsEmail!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Email address for support messages.' }) supportEmail!: string | null;
  @Field(() => String, { nullable: true, description: 'Website address.' }) website!: string | null;
  @Field(() => Address, { description: 'The main (billing) address.' }) billingAddress!: Address;
  @Field(() => Address, { description: 'Where the service is installed; its country is the billing address\'s.' }) installationAddress!: Address;
  @Field(() => String, { nullable: true, description: 'Area the installation belongs to.' }) installationArea!: string | null;
  @Field(() => GeoPoint, { nullable: true, description: 'Where the service is installed; null when unknown.' }) coordinates!: GeoPoint | null;

  @Field(() => String, { nullable: true, description: 'End-user-portal login; null means the invoicing id is used.' }) portalUsername!: string | null;
  @Field(() => Boolean, { description: 'Whether an end-user-portal password is set (it is never returned).' }) hasPortalPassword!: boolean;
  @Field(() => String, { nullable: true, description: 'Code of the campaign or source the customer came from.' }) marketingCode!: string | null;
  @Field(() => Boolean, { description: 'Whether the customer agreed to receive marketing emails.' }) marketingEmails!: boolean;
  @Field(() => String, { nullable: true, description: 'Free-text reference, e.g. who referred the customer.' }) referenceText!: string | null;
  @Field(() => ReferralFeeStatus, { nullable: true, description: 'Whether a referral fee is owed or paid for this customer.' }) referralFeeStatus!: ReferralFeeStatus | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Referral fee amount.' }) referralFeeAmount!: string | null;

  @Field(() => Boolean, { description: 'Whether invoices are generated for the customer.' }) invoicingEnabled!: boolean;
  @Field(() => Int, { description: 'Months covered by one invoice.' }) billingFrequencyMonths!: number;
  @Field(() => Int, { nullable: true, description: 'Day of the month (1–31) invoices are issued.' }) invoicingDay!: number | null;
  @Field(() => PaymentMethod, { nullable: true, description: 'How the customer usually pays.' }) paymentMethod!: PaymentMethod | null;
  @Field(() => InvoiceSendMethod, { description: 'How invoices reach the customer.' }) invoiceSendMethod!: InvoiceSendMethod;
  @Field(() => Boolean, { description: 'Whether a receipt is sent for each payment.' }) sendReceipt!: boolean;
  @Field(() => Int, { nullable: true, description: 'Days between invoice issue and due date; null means due on issue.' }) creditDays!: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'One-off setup fee amount.' }) setupFees!: string | null;
  @Field(() => Boolean, { description: 'Whether the customer is exempt from VAT; its invoices then carry no tax.' }) vatExempt!: boolean;
  @Field(() => String, { nullable: true, description: 'Reference of the VAT exemption certificate.' }) vatExemptionReference!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date of the VAT exemption.' }) vatExemptionDate!: string | null;
  @Field(() => TaxMode, { nullable: true, description: "How tax is applied to the customer's prices." }) taxMode!: TaxMode | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Default tax rate in percent (0–100) when a subscription sets none.' }) taxRate!: string | null;
  @Field(() => Boolean, { description: 'Whether the service is given free of charge.' }) freeService!: boolean;

  @Field(() => Boolean, { description: 'Whether the customer has voice (VoIP) service.' }) voipEnabled!: boolean;
  @Field(() => MonitorMode, { nullable: true, description: "How the customer's connection is monitored." }) monitor!: MonitorMode | null;
  @Field(() => Int, { nullable: true, description: 'Most simultaneous sessions allowed; null means no limit set.' }) connectionLimit!: number | null;

  @Field(() => DateTimeScalar, { description: 'When the customer was added.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the customer last changed.' }) updatedAt!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  servicePlanId!: number | null;
  resellerId!: number | null;
  communityCodeId!: number | null;
}

// ---------------------------------------------------------------- inputs

@InputType({ description: 'An additional contact person of a customer.' })
export class ContactInput {
  @Field(() => String, { description: 'Full name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Phone number.' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Their position or relation, e.g. "Accounts".' }) role?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Email address.' }) email?: string | null;
}

@InputType({ description: "A value for one of the operator's custom customer fields." })
export class CustomFieldValueInput {
  @Field(() => Int, { description: 'Legacy id of the custom field (SIMPLer custom_field_<id>).' }) fieldId!: number;
  @Field(() => String, { nullable: true, description: 'null clears the value.' }) value?: string | null;
}

/** Fields shared by create and update; all optional. */
@InputType({ description: 'SIMPLer "sand" settings: automatic invoice follow-up and traffic-cap enforcement. Offsets read like "15 days".' })
export class CustomerSandSettingsInput {
  @Field(() => SandStatus, { nullable: true, description: 'Whether automatic invoice follow-up uses these settings, the default, or is off.' }) invoiceStatus?: SandStatus | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Sender of the follow-up emails.' }) invoiceEmailFrom?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Recipient of the follow-up emails.' }) invoiceEmailTo?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Blind copy of the follow-up emails.' }) invoiceEmailBcc?: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of the billing-issue step, e.g. "15 days".' }) invoiceBillingIssueDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of the first reminder email.' }) invoiceEmailDate1?: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of the second reminder email.' }) invoiceEmailDate2?: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of disconnection for an unpaid invoice.' }) invoiceDisconnectionDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of throttling for an unpaid invoice.' }) invoiceThrottlingDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Invoice follow-up is deferred until this date.' }) invoiceDeferredTo?: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of the second email after a failed direct-debit lodgement.' }) lodgementFailureEmail2?: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of the third email after a failed direct-debit lodgement.' }) lodgementFailureEmail3?: string | null;
  @Field(() => String, { nullable: true, description: 'Offset of disconnection after a failed direct-debit lodgement.' }) lodgementFailureDisconnection?: string | null;
  @Field(() => Int, { nullable: true, description: 'Traffic cap in GB.' }) trafficLimitGb?: number | null;
  @Field(() => SandStatus, { nullable: true, description: 'Whether traffic-cap enforcement uses these settings, the default, or is off.' }) trafficStatus?: SandStatus | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Sender of the traffic-cap emails.' }) trafficEmailFrom?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Recipient of the traffic-cap emails.' }) trafficEmailTo?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Blind copy of the traffic-cap emails.' }) trafficEmailBcc?: string | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficEmailThreshold1?: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficEmailThreshold2?: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficDisconnectionThreshold?: number | null;
  @Field(() => Int, { nullable: true, description: 'Percent of the cap.' }) trafficOverageThreshold?: number | null;
  @Field(() => Int, { nullable: true, description: '-1 prorate the cap in the first month, 1 do not; null default.' }) trafficDoNotProrate?: number | null;
  @Field(() => Int, { nullable: true, description: '-1 carry overage top-ups over, 1 do not; null default.' }) trafficDoNotCarryOverage?: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Traffic-cap enforcement is deferred until this date.' }) trafficDeferredTo?: string | null;
}

@InputType('CustomerFieldsInput', { description: 'Customer fields shared by create and update.' })
export class CustomerFieldsInput {
  @Field(() => String, { nullable: true, description: 'Company name, for business accounts.' }) companyName?: string | null;
  @Field(() => AccountType, { nullable: true, description: 'What kind of party the account is.' }) accountType?: AccountType;
  @Field(() => String, { nullable: true, description: "One of the operator's customer statuses." }) status?: string;
  @Field(() => String, { nullable: true, description: 'A finer status within `status`, as the operator defines it.' }) subStatus?: string | null;
  @Field(() => AccessState, { nullable: true, description: 'Whether the subscriber may use the service now.' }) accessState?: AccessState;
  @Field(() => String, { nullable: true, description: 'Free-text tracking label the operator uses.' }) customerTracking?: string | null;
  @Field(() => Int, { nullable: true, description: '1 (low) to 5 (high).' }) importance?: number | null;
  @Field(() => String, { nullable: true, description: 'General note about the customer.' }) note?: string | null;
  @Field(() => String, { nullable: true, description: 'Private note for staff.' }) privateNote?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Initial contact date.' }) initDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date the service started.' }) startDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date the service was installed.' }) installDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Main phone number.' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Alternative phone number.' }) altPhone?: string | null;
  @Field(() => String, { nullable: true, description: 'Fax number.' }) fax?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Main email address.' }) email?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Email address for invoices and billing.' }) accountsEmail?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Email address for support messages.' }) supportEmail?: string | null;
  @Field(() => String, { nullable: true, description: 'Website address.' }) website?: string | null;
  @Field(() => AddressInput, { nullable: true, description: 'The main (billing) address.' }) billingAddress?: AddressInput | null;
  @Field(() => AddressInput, { nullable: true, description: 'Where the service is installed; its country is the billing address\'s (refused here).' }) installationAddress?: AddressInput | null;
  @Field(() => String, { nullable: true, description: 'Area the installation belongs to.' }) installationArea?: string | null;
  @Field(() => GeoPointInput, { nullable: true, description: 'Where the service is installed; null clears it.' }) coordinates?: GeoPointInput | null;
  @Field(() => String, { nullable: true, description: 'End-user-portal login; null means the invoicing id is used.' }) portalUsername?: string | null;
  @Field(() => String, { nullable: true, description: 'Stored only as a hash.' }) portalPassword?: string | null;
  @Field(() => String, { nullable: true, description: 'Code of the campaign or source the customer came from.' }) marketingCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the customer agreed to receive marketing emails.' }) marketingEmails?: boolean;
  @Field(() => String, { nullable: true, description: 'Free-text reference, e.g. who referred the customer.' }) referenceText?: string | null;
  @Field(() => ID, { nullable: true, description: 'The customer who referred this one.' }) referrerCustomerId?: string | null;
  @Field(() => ReferralFeeStatus, { nullable: true, description: 'Whether a referral fee is owed or paid for this customer.' }) referralFeeStatus?: ReferralFeeStatus | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Referral fee amount.' }) referralFeeAmount?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether invoices are generated for the customer.' }) invoicingEnabled?: boolean;
  @Field(() => Int, { nullable: true, description: 'Months covered by one invoice.' }) billingFrequencyMonths?: number;
  @Field(() => Int, { nullable: true, description: 'Day of the month (1–31) invoices are issued.' }) invoicingDay?: number | null;
  @Field(() => PaymentMethod, { nullable: true, description: 'How the customer usually pays.' }) paymentMethod?: PaymentMethod | null;
  @Field(() => InvoiceSendMethod, { nullable: true, description: 'How invoices reach the customer.' }) invoiceSendMethod?: InvoiceSendMethod;
  @Field(() => Boolean, { nullable: true, description: 'Whether a receipt is sent for each payment.' }) sendReceipt?: boolean;
  @Field(() => Int, { nullable: true, description: 'Days between invoice issue and due date.' }) creditDays?: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'One-off setup fee amount.' }) setupFees?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the customer is exempt from VAT.' }) vatExempt?: boolean;
  @Field(() => TaxMode, { nullable: true, description: "How tax is applied to the customer's prices." }) taxMode?: TaxMode | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Default tax rate in percent, 0 to 100.' }) taxRate?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the service is given free of charge.' }) freeService?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Whether the customer has voice (VoIP) service.' }) voipEnabled?: boolean;
  @Field(() => MonitorMode, { nullable: true, description: "How the customer's connection is monitored." }) monitor?: MonitorMode | null;
  @Field(() => Int, { nullable: true, description: 'Most simultaneous sessions allowed.' }) connectionLimit?: number | null;
  @Field(() => ID, { nullable: true, description: 'The plan (Jaze group) the customer is on.' }) servicePlanId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The reseller the customer belongs to; null for a direct customer.' }) resellerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A CommunityCode id; null clears.' }) communityCodeId?: string | null;
  @Field(() => [ContactInput], { nullable: true, description: 'Replaces the additional contacts.' }) contacts?: ContactInput[] | null;
  @Field(() => [CustomFieldValueInput], { nullable: true, description: "Values for the operator's custom fields; fields not listed keep their value." }) customFields?: CustomFieldValueInput[] | null;
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
  @Field(() => String, { description: 'Full name of the customer or contact person.' }) name!: string;
  @Field(() => String, { description: 'Letters, digits and "_"; made unique with a serial postfix.' }) nickname!: string;
  @Field(() => String, { description: 'Made unique with a serial postfix.' }) invoicingId!: string;
}

@InputType({ description: 'Changes to a customer; omitted fields keep their value, null clears one.' })
export class CustomerUpdateInput extends CustomerFieldsInput {
  @Field(() => ID, { description: 'The customer to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Full name of the customer or contact person.' }) name?: string;
  @Field(() => String, { nullable: true, description: 'Letters, digits and "_"; unique per operator.' }) nickname?: string;
  @Field(() => String, { nullable: true, description: 'Unique per operator; the default end-user-portal login.' }) invoicingId?: string;
}

@InputType({ description: 'Which customer to delete, and what goes with it.' })
export class CustomerDeleteInput {
  @Field(() => ID, { description: 'The customer to delete.' }) id!: string;
  @Field(() => Boolean, { nullable: true, description: "Delete the customer's maintenance tickets too." }) deleteMaintenance?: boolean;
  @Field(() => Boolean, { nullable: true, description: "Delete the customer's subscriptions too." }) deleteSubscriptions?: boolean;
}

/** The fields of the payload of customerCreate and customerUpdate (each its own type): payloadOf below. */
@ObjectType()
export class CustomerPayload {
  @Field(() => Customer, { nullable: true, description: 'The customer as saved; null when refused.' }) customer!: Customer | null;
  @Field(() => [UserErrorRef], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserErrorRef[];
}
export const CustomerCreatePayload = payloadOf(CustomerPayload, 'customerCreate', 'the new customer, or why it was refused');
export const CustomerUpdatePayload = payloadOf(CustomerPayload, 'customerUpdate', 'the customer as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting a customer.' })
export class CustomerDeletePayload {
  @Field(() => ID, { nullable: true, description: 'Id of the deleted customer; null when refused.' }) deletedId!: string | null;
  @Field(() => [UserErrorRef], { description: 'Why the deletion was refused; empty on success.' }) userErrors!: UserErrorRef[];
}

// ---------------------------------------------------------------- listing

@InputType({ description: 'Filters for customers; text filters match anywhere in the field.' })
export class CustomerFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'First word of the name.' }) firstName?: string | null;
  @Field(() => String, { nullable: true, description: 'The name after its first word.' }) lastName?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the nickname.' }) nickname?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the invoicing id.' }) invoicingId?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the email address.' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the phone number.' }) phone?: string | null;
  @Field(() => [String], { nullable: true, description: 'Any of these lifecycle statuses.' }) status?: string[] | null;
  @Field(() => [AccessState], { nullable: true, description: 'Any of these access states.' }) accessState?: AccessState[] | null;
  @Field(() => String, { nullable: true, description: "Part of the billing address's first street line." }) street1?: string | null;
  @Field(() => String, { nullable: true, description: "Part of the billing address's second street line." }) street2?: string | null;
  @Field(() => String, { nullable: true, description: "Part of the billing address's town." }) town?: string | null;
  @Field(() => String, { nullable: true, description: "Part of the billing address's county." }) county?: string | null;
  @Field(() => String, { nullable: true, description: "Part of the billing address's postcode." }) postcode?: string | null;
  @Field(() => String, { nullable: true, description: "Part of the billing address's state." }) state?: string | null;
  @Field(() => String, { nullable: true, description: "Part of the billing address's country." }) country?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only customers of this reseller.' }) resellerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only customers on this plan.' }) servicePlanId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only customers added at or after this time.' }) createdFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only customers added at or before this time.' }) createdTo?: Date | null;
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

@InputType({ description: 'How to order customers.' })
export class CustomerOrder {
  @Field(() => CustomerOrderField, { description: 'What to order by.' }) field!: CustomerOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending (default) or descending.' }) direction?: SortDirection;
}

