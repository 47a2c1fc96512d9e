import type { UiLanguage } from './index';

/** A time as an applicant reads it: Asia/Karachi, in their language (Urdu digits and month names for `ur`). */
export function karachiTime(date: Date, lang: UiLanguage): string {
  return new Intl.DateTimeFormat(lang === 'ur' ? 'ur-PK' : 'en-GB', {
    timeZone: 'Asia/Karachi',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}
