/**
 * The GraphQL shape of stored cards and bank accounts. There is deliberately no `token` field:
 * gateway tokens are for the payment modules, never for API clients.
 */
import { Field, Int, ObjectType } from 'type-graphql';
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
