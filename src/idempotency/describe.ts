/** The one description of the `idempotencyKey` input field, shared by every money mutation's input. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Makes a retry safe: a second call with the same key and the same input (within at least 24 hours) returns the first result and writes nothing; the same key with other input, or on another mutation, is a CONFLICT. 1–255 printable ASCII characters, chosen by the caller (e.g. a UUID); keys are per operator. A refused call stores nothing.';
