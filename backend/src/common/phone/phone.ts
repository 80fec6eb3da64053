import { isSupportedCountry, ParseError, parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';

/** Why a phone number was refused; each has a message fit for a form field. */
export type PhoneErrorReason = 'empty' | 'not_a_number' | 'no_country' | 'too_short' | 'too_long' | 'invalid' | 'extension';

const MESSAGES: Record<PhoneErrorReason, string> = {
  empty: 'phone must not be empty',
  not_a_number: 'phone is not a phone number',
  no_country: 'phone must start with + and the country code',
  too_short: 'phone is too short',
  too_long: 'phone is too long',
  invalid: 'phone is not a valid phone number',
  extension: 'phone must not include an extension',
};

export class InvalidPhoneError extends Error {
  constructor(readonly reason: PhoneErrorReason) {
    super(MESSAGES[reason]);
    this.name = 'InvalidPhoneError';
  }
}

export interface ParsedPhone {
  /** The number in E.164, e.g. +493012345678. */
  e164: string;
  /** The extension, if the input had one (E.164 has no place for it). */
  extension: string | null;
}

// libphonenumber's own limit is 250; nobody types a longer number than this
const MAX_INPUT_LENGTH = 64;

const PARSE_ERRORS: Record<string, PhoneErrorReason> = {
  NOT_A_NUMBER: 'not_a_number',
  INVALID_COUNTRY: 'no_country',
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
  INVALID_LENGTH: 'invalid',
};

/**
 * Parses a phone number as a person types it: international (`+44 20 7946 0958`, `0049 30 …`) or
 * local to `defaultCountry` (ISO 3166-1 alpha-2, e.g. the tenant's), and validates it against the
 * full metadata (number ranges, not just lengths). Throws InvalidPhoneError.
 */
export function parsePhone(input: string, defaultCountry: string | null | undefined): ParsedPhone {
  const text = input.trim();
  if (!text) throw new InvalidPhoneError('empty');
  if (text.length > MAX_INPUT_LENGTH) throw new InvalidPhoneError('too_long');
  const country = defaultCountry && isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  try {
    // extract: false: the whole input must be the number, not text that contains one
    const phone = parsePhoneNumberWithError(text, { defaultCountry: country, extract: false });
    if (!phone.isValid()) throw new InvalidPhoneError('invalid');
    return { e164: phone.number, extension: phone.ext ?? null };
  } catch (error) {
    if (error instanceof ParseError) throw new InvalidPhoneError(PARSE_ERRORS[error.message] ?? 'invalid');
    throw error;
  }
}

/**
 * The E.164 form of a number stored on a record (leads, call parties). Refuses an extension
 * rather than dropping it silently: the stored number identifies the record and is matched
 * against caller ids, which never carry one.
 */
export function normalizePhone(input: string, defaultCountry: string | null | undefined): string {
  const { e164, extension } = parsePhone(input, defaultCountry);
  if (extension) throw new InvalidPhoneError('extension');
  return e164;
}

/** Only the digits of `input` (`+1 (201) 555-0123` → `12015550123`), for digit-wise search. */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, '');
}
