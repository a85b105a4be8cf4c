/**
 * The GraphQL shape of stored cards and bank accounts. There is deliberately no `token` field:
 * gateway tokens are for the payment modules, never for API clients.
 */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { payloadOf } from '../graphql/payload';
import { Address, AddressInput } from '../graphql/address';
import { UserError } from '../graphql/user-error';
import { Node, NumberedNode } from '../graphql/node';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import { BankAccountType, CreditCardType, SepaSequenceType } from './billing.enums';

@ObjectType('CreditCard', { implements: Node, description: 'A card held as a gateway token; only the last four digits are known.' })
export class CreditCard extends NumberedNode {
  @Field(() => String, { description: 'Last four digits of the card number.' }) last4!: string;
  @Field(() => CreditCardType, { nullable: true, description: 'Card scheme; null when not known.' }) cardType!: CreditCardType | null;
  @Field(() => Int, { nullable: true, description: 'Expiry month, 1 to 12.' }) expMonth!: number | null;
  @Field(() => Int, { nullable: true, description: 'Expiry year.' }) expYear!: number | null;
  @Field(() => Int, { description: 'The payment gateway module that holds the token.' }) moduleId!: number;
  @Field(() => Boolean, { description: 'Whether the customer is charged automatically from this instrument.' }) autoPayment!: boolean;
  @Field(() => Boolean, { description: "Whether this is the customer's preferred one; at most one is." }) preferred!: boolean;
  @Field(() => String, { nullable: true, description: 'Name on the card.' }) holderName!: string | null;
  @Field(() => String, { nullable: true, description: "Cardholder's first name." }) firstName!: string | null;
  @Field(() => String, { nullable: true, description: "Cardholder's last name." }) lastName!: string | null;
  @Field(() => Address, { description: 'The billing address of the card.' }) address!: Address;
  @Field(() => DateTimeScalar, { description: 'When the card was stored.' }) createdAt!: Date;

  /** Internal. */
  customerId!: number;
}

@ObjectType('BankAccount', { implements: Node, description: 'A bank account for EFT / SEPA direct debit, held as a token; only last digits are known.' })
export class BankAccount extends NumberedNode {
  @Field(() => String, { description: 'Last four digits of the account number.' }) last4!: string;
  @Field(() => String, { nullable: true, description: 'Bank sort code or routing number.' }) sortCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Online banking reference (SIMPLer eft_bankonlineref).' }) onlineRef!: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the account holder.' }) accountName!: string | null;
  @Field(() => BankAccountType, { description: 'Checking, savings, or not specified.' }) accountType!: BankAccountType;
  @Field(() => Boolean, { description: 'Whether the customer is charged automatically from this instrument.' }) autoPayment!: boolean;
  @Field(() => Boolean, { description: "Whether this is the customer's preferred one; at most one is." }) preferred!: boolean;
  @Field(() => Boolean, { description: 'Whether the bank details were changed (SIMPLer bankdetailschanged).' }) detailsChanged!: boolean;
  @Field(() => Int, { nullable: true, description: 'The payment gateway module that holds the token.' }) moduleId!: number | null;
  @Field(() => SepaSequenceType, { nullable: true, description: 'SEPA sequence type of the next debit.' }) sepaSequenceType!: SepaSequenceType | null;
  @Field(() => String, { nullable: true, description: 'BIC / SWIFT code.' }) sepaBic!: string | null;
  @Field(() => String, { nullable: true, description: 'Last four characters of the IBAN (the IBAN itself is never stored).' }) ibanLast4!: string | null;
  @Field(() => String, { nullable: true, description: 'Country code of the IBAN.' }) ibanCountry!: string | null;
  @Field(() => String, { nullable: true, description: 'Debtor name on the SEPA mandate.' }) sepaDebtorName!: string | null;
  @Field(() => String, { nullable: true, description: 'Debtor country on the SEPA mandate.' }) sepaCountry!: string | null;
  @Field(() => String, { nullable: true, description: 'Remittance information sent with SEPA debits.' }) sepaRemittanceData!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date the SEPA mandate was signed.' }) sepaSignatureDate!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the account was stored.' }) createdAt!: Date;

  /** Internal. */
  customerId!: number;
}

@InputType({ description: 'A tokenised card (SIMPLer addCreditCardToken). Never send a card number: only the gateway token and the last four digits.' })
export class CreditCardCreateInput {
  @Field(() => ID, { description: 'The customer the card belongs to.' }) customerId!: string;
  @Field(() => String, { description: 'Exactly four digits.' }) last4!: string;
  @Field(() => String, { description: 'The payment gateway token.' }) token!: string;
  @Field(() => Int, { description: 'The payment gateway module that issued the token.' }) moduleId!: number;
  @Field(() => Int, { nullable: true, description: '1 to 12.' }) expMonth?: number | null;
  @Field(() => Int, { nullable: true, description: 'This year or later.' }) expYear?: number | null;
  @Field(() => CreditCardType, { nullable: true, description: 'Card scheme.' }) cardType?: CreditCardType | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the customer is charged automatically from this instrument.' }) autoPayment?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Makes the customer's other cards not preferred." }) preferred?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Name on the card.' }) holderName?: string | null;
  @Field(() => String, { nullable: true, description: "Cardholder's first name." }) firstName?: string | null;
  @Field(() => String, { nullable: true, description: "Cardholder's last name." }) lastName?: string | null;
  @Field(() => AddressInput, { nullable: true, description: 'The billing address of the card: state a full US state name ("New York"), country a full country name ("Ireland").' }) address?: AddressInput | null;
}

/** The fields of the payload of creditCardCreate: payloadOf below. */
@ObjectType()
export class CreditCardPayload {
  @Field(() => CreditCard, { nullable: true, description: 'The card as stored; null when refused.' }) creditCard!: CreditCard | null;
  @Field(() => [UserError], { description: 'Why the card was refused; empty on success.' }) userErrors!: UserError[];
}
export const CreditCardCreatePayload = payloadOf(CreditCardPayload, 'creditCardCreate', 'the stored credit card, or why it was refused');

@InputType({ description: 'A tokenised bank account (SIMPLer addEFTToken); every field but autoPayment and preferred is required.' })
export class BankAccountCreateInput {
  @Field(() => ID, { description: 'The customer the account belongs to.' }) customerId!: string;
  @Field(() => String, { description: 'Exactly four digits.' }) last4!: string;
  @Field(() => String, { description: 'The payment gateway token.' }) token!: string;
  @Field(() => String, { description: 'Bank sort code or routing number.' }) sortCode!: string;
  @Field(() => String, { description: 'Online banking reference (SIMPLer eft_bankonlineref).' }) onlineRef!: string;
  @Field(() => String, { description: 'Name of the account holder.' }) accountName!: string;
  @Field(() => BankAccountType, { description: 'CHECKING or SAVINGS.' }) accountType!: BankAccountType;
  @Field(() => Boolean, { nullable: true, description: 'Whether the customer is charged automatically from this instrument.' }) autoPayment?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Whether this is the customer's preferred one; at most one is." }) preferred?: boolean | null;
  @Field(() => Int, { description: 'The payment gateway module that issued the token.' }) moduleId!: number;
}

@InputType({
  description:
    'Full bank details (SIMPLer addEFT). The account number and IBAN are tokenised and never stored: only the last four digits, the IBAN country and last four characters are kept.',
})
export class BankAccountCreateFromDetailsInput {
  @Field(() => ID, { description: 'The customer the account belongs to.' }) customerId!: string;
  @Field(() => String, { description: 'The full account number (digits).' }) accountNumber!: string;
  @Field(() => String, { nullable: true, description: 'Bank sort code or routing number.' }) sortCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Online banking reference (SIMPLer eft_bankonlineref).' }) onlineRef?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the account holder.' }) accountName?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the bank details were changed (SIMPLer bankdetailschanged).' }) detailsChanged?: boolean | null;
  @Field(() => BankAccountType, { nullable: true, description: 'Checking, savings, or not specified.' }) accountType?: BankAccountType | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the customer is charged automatically from this instrument.' }) autoPayment?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Whether this is the customer's preferred one; at most one is." }) preferred?: boolean | null;
  @Field(() => SepaSequenceType, { nullable: true, description: 'SEPA sequence type of the next debit.' }) sepaSequenceType?: SepaSequenceType | null;
  @Field(() => String, { nullable: true, description: 'BIC / SWIFT code.' }) sepaBic?: string | null;
  @Field(() => String, { nullable: true, description: 'Checked with the ISO 13616 mod-97 rule.' }) iban?: string | null;
  @Field(() => String, { nullable: true, description: 'Debtor name on the SEPA mandate.' }) sepaDebtorName?: string | null;
  @Field(() => String, { nullable: true, description: 'Debtor country on the SEPA mandate.' }) sepaCountry?: string | null;
  @Field(() => String, { nullable: true, description: 'Remittance information sent with SEPA debits.' }) sepaRemittanceData?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Mandate signature date; not in the future.' }) sepaSignatureDate?: string | null;
}

/** The fields of the payload of bankAccountCreate and bankAccountCreateFromDetails (each its own type): payloadOf below. */
@ObjectType()
export class BankAccountPayload {
  @Field(() => BankAccount, { nullable: true, description: 'The account as stored; null when refused.' }) bankAccount!: BankAccount | null;
  @Field(() => [UserError], { description: 'Why the account was refused; empty on success.' }) userErrors!: UserError[];
}
export const BankAccountCreatePayload = payloadOf(BankAccountPayload, 'bankAccountCreate', 'the stored bank account, or why it was refused');
export const BankAccountCreateFromDetailsPayload = payloadOf(BankAccountPayload, 'bankAccountCreateFromDetails', 'the bank account stored from full details, or why it was refused');
