/**
 * The GraphQL shape of stored cards and bank accounts. There is deliberately no `token` field:
 * gateway tokens are for the payment modules, never for API clients.
 */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../graphql/user-error';
import { Node } from '../graphql/node';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import { BankAccountType, CreditCardType, SepaSequenceType } from './billing.enums';

@ObjectType('CreditCard', { implements: Node, description: 'A card held as a gateway token; only the last four digits are known.' })
export class CreditCard extends Node {
  @Field(() => String) last4!: string;
  @Field(() => CreditCardType, { nullable: true }) cardType!: CreditCardType | null;
  @Field(() => Int, { nullable: true }) expMonth!: number | null;
  @Field(() => Int, { nullable: true }) expYear!: number | null;
  @Field(() => Int, { description: 'The payment gateway module that holds the token.' }) moduleId!: number;
  @Field(() => Boolean) autoPayment!: boolean;
  @Field(() => Boolean) preferred!: boolean;
  @Field(() => String, { nullable: true }) holderName!: string | null;
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) lastName!: string | null;
  @Field(() => String, { nullable: true }) street1!: string | null;
  @Field(() => String, { nullable: true }) street2!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) county!: string | null;
  @Field(() => String, { nullable: true }) zip!: string | null;
  @Field(() => String, { nullable: true }) state!: string | null;
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;

  /** Internal. */
  customerId!: number;
}

@ObjectType('BankAccount', { implements: Node, description: 'A bank account for EFT / SEPA direct debit, held as a token; only last digits are known.' })
export class BankAccount extends Node {
  @Field(() => String) last4!: string;
  @Field(() => String, { nullable: true }) sortCode!: string | null;
  @Field(() => String, { nullable: true }) onlineRef!: string | null;
  @Field(() => String, { nullable: true }) accountName!: string | null;
  @Field(() => BankAccountType) accountType!: BankAccountType;
  @Field(() => Boolean) autoPayment!: boolean;
  @Field(() => Boolean) preferred!: boolean;
  @Field(() => Boolean) detailsChanged!: boolean;
  @Field(() => Int, { nullable: true }) moduleId!: number | null;
  @Field(() => SepaSequenceType, { nullable: true }) sepaSequenceType!: SepaSequenceType | null;
  @Field(() => String, { nullable: true }) sepaBic!: string | null;
  @Field(() => String, { nullable: true, description: 'Last four characters of the IBAN (the IBAN itself is never stored).' }) ibanLast4!: string | null;
  @Field(() => String, { nullable: true }) ibanCountry!: string | null;
  @Field(() => String, { nullable: true }) sepaDebtorName!: string | null;
  @Field(() => String, { nullable: true }) sepaCountry!: string | null;
  @Field(() => String, { nullable: true }) sepaRemittanceData!: string | null;
  @Field(() => DateScalar, { nullable: true }) sepaSignatureDate!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;

  /** Internal. */
  customerId!: number;
}

@InputType({ description: 'A tokenised card (SIMPLer addCreditCardToken). Never send a card number: only the gateway token and the last four digits.' })
export class CreditCardCreateInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String, { description: 'Exactly four digits.' }) last4!: string;
  @Field(() => String, { description: 'The payment gateway token.' }) token!: string;
  @Field(() => Int, { description: 'The payment gateway module that issued the token.' }) moduleId!: number;
  @Field(() => Int, { nullable: true, description: '1 to 12.' }) expMonth?: number | null;
  @Field(() => Int, { nullable: true, description: 'This year or later.' }) expYear?: number | null;
  @Field(() => CreditCardType, { nullable: true }) cardType?: CreditCardType | null;
  @Field(() => Boolean, { nullable: true }) autoPayment?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Makes the customer's other cards not preferred." }) preferred?: boolean | null;
  @Field(() => String, { nullable: true }) holderName?: string | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) street1?: string | null;
  @Field(() => String, { nullable: true }) street2?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) county?: string | null;
  @Field(() => String, { nullable: true }) zip?: string | null;
  @Field(() => String, { nullable: true, description: 'A full US state name, e.g. "New York".' }) state?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
}

@ObjectType()
export class CreditCardPayload {
  @Field(() => CreditCard, { nullable: true }) creditCard!: CreditCard | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({ description: 'A tokenised bank account (SIMPLer addEFTToken); every field but autoPayment and preferred is required.' })
export class BankAccountCreateInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String, { description: 'Exactly four digits.' }) last4!: string;
  @Field(() => String) token!: string;
  @Field(() => String) sortCode!: string;
  @Field(() => String) onlineRef!: string;
  @Field(() => String) accountName!: string;
  @Field(() => BankAccountType, { description: 'CHECKING or SAVINGS.' }) accountType!: BankAccountType;
  @Field(() => Boolean, { nullable: true }) autoPayment?: boolean | null;
  @Field(() => Boolean, { nullable: true }) preferred?: boolean | null;
  @Field(() => Int) moduleId!: number;
}

@InputType({
  description:
    'Full bank details (SIMPLer addEFT). The account number and IBAN are tokenised and never stored: only the last four digits, the IBAN country and last four characters are kept.',
})
export class BankAccountCreateFromDetailsInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String, { description: 'The full account number (digits).' }) accountNumber!: string;
  @Field(() => String, { nullable: true }) sortCode?: string | null;
  @Field(() => String, { nullable: true }) onlineRef?: string | null;
  @Field(() => String, { nullable: true }) accountName?: string | null;
  @Field(() => Boolean, { nullable: true }) detailsChanged?: boolean | null;
  @Field(() => BankAccountType, { nullable: true }) accountType?: BankAccountType | null;
  @Field(() => Boolean, { nullable: true }) autoPayment?: boolean | null;
  @Field(() => Boolean, { nullable: true }) preferred?: boolean | null;
  @Field(() => SepaSequenceType, { nullable: true }) sepaSequenceType?: SepaSequenceType | null;
  @Field(() => String, { nullable: true, description: 'BIC / SWIFT code.' }) sepaBic?: string | null;
  @Field(() => String, { nullable: true, description: 'Checked with the ISO 13616 mod-97 rule.' }) iban?: string | null;
  @Field(() => String, { nullable: true }) sepaDebtorName?: string | null;
  @Field(() => String, { nullable: true }) sepaCountry?: string | null;
  @Field(() => String, { nullable: true }) sepaRemittanceData?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Mandate signature date; not in the future.' }) sepaSignatureDate?: string | null;
}

@ObjectType()
export class BankAccountPayload {
  @Field(() => BankAccount, { nullable: true }) bankAccount!: BankAccount | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class PaymentInstrumentDeleteInput {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class DeletedIdPayload {
  @Field(() => ID, { nullable: true }) deletedId!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
