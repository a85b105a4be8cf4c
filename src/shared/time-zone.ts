/** Whether the runtime knows this IANA time zone name: the one check for operators and the TimeZone scalar. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
