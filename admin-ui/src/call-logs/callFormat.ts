import { parsePhoneNumber } from 'libphonenumber-js';
import type { CallLogRecord } from './types';

/**
 * An E.164 number as people write it internationally (`+14155550123` → `+1 415 555 0123`). A
 * number the library cannot read is shown as stored rather than hidden.
 */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  try {
    return parsePhoneNumber(e164)?.formatInternational() ?? e164;
  } catch {
    return e164;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Seconds as `mm:ss` (`h:mm:ss` from an hour on); empty for no value. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** A finished call nobody talked on (missed, busy, voicemail…): shown in red. Calls still ringing are not. */
export function isUnanswered(call: Pick<CallLogRecord, 'outcome'>): boolean {
  return call.outcome !== null && call.outcome !== 'answered';
}


/**
 * A `datetime-local` input's value (`2026-03-01T09:30`, the browser's time zone) as the ISO instant
 * the API expects; '' (react-admin drops it from filters) when empty or unreadable.
 */
export function localDateTimeToIso(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** The recording link only when it is an https URL (the API accepts no other; this guards against `javascript:` links all the same). */
export function safeRecordingUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
