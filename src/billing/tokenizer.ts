/**
 * Turning full bank details into a token. SIMPLer addEFT receives a full account number and
 * IBAN; ispgraph never stores either: the service hands them to the tokenizer and keeps only
 * the token it returns (plus last digits). A real deployment plugs its vault / payment
 * processor's tokenisation API in here with `setBankTokenizer`; the default only generates an
 * opaque random reference, so the details are not recoverable from ispgraph at all.
 */
import { randomBytes } from 'node:crypto';

export interface BankDetails {
  accountNumber: string;
  sortCode?: string | null;
  iban?: string | null;
  bic?: string | null;
}

export interface BankTokenizer {
  /** Stores (or forwards) the details and returns an opaque token that references them. */
  tokenize(details: BankDetails): Promise<string>;
}

/** Default: an opaque random token; the details themselves are discarded. */
export const randomBankTokenizer: BankTokenizer = {
  tokenize: async () => `tok_${randomBytes(18).toString('base64url')}`,
};

let current: BankTokenizer = randomBankTokenizer;

export function bankTokenizer(): BankTokenizer {
  return current;
}

/** Installs a vault/tokenizer (at start-up, or in tests); returns the previous one. */
export function setBankTokenizer(tokenizer: BankTokenizer): BankTokenizer {
  const previous = current;
  current = tokenizer;
  return previous;
}
