import { maxLength, regex } from 'react-admin';

/** Mirrors the API's checks so most mistakes show before a round trip; the API still decides. */
export const PASSWORD_MIN_LENGTH = 10;
export const PHONE_VALIDATION = [maxLength(40), regex(/^[+0-9 ()./-]*$/, 'Only digits, spaces and + ( ) . / -')];
