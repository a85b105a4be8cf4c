/**
 * What the outside may send, decided once for every surface. Text must be valid UTF-8 without
 * NUL characters (PostgreSQL `text` cannot hold U+0000, and a replacement character silently
 * standing in for undecodable bytes would store something the caller never sent); ids are
 * plain digit strings or JSON integers; money is a plain decimal with at most two decimals that
 * fits `numeric(14,2)`. Request bodies and query strings are decoded strictly here so a
 * surface never sees a value that was guessed at. Each surface turns the refusals into its own
 * validation error; none of these functions touches the database.
 */
export { decodeUtf8, unstorableTextProblem, findUnstorableText, InvalidEncodingError } from './text';
export { parseFormEncoded } from './form';
export { parseJsonKeepingNumbers } from './json';
export { DECIMAL_TEXT, MONEY_TEXT, INTEGER_TEXT, isMoneyText, isDecimalText } from './numbers';
