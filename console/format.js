// Dates and durations in the console's language.

/** A date-time in the page language (Pakistan time). */
export function formatDate(lang, iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang === 'ur' ? 'ur-PK' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Karachi',
  }).format(new Date(iso));
}

/** A user's language ('en', 'ur', 'ur-Latn') by name; an unknown code as it is. */
export function languageName(t, code) {
  if (!code) return t('common.unknown');
  return ['en', 'ur', 'ur-Latn'].includes(code) ? t(`faq.languages.${code}`) : code;
}

/** "3 min 5 s" from seconds. */
export function formatDuration(t, seconds) {
  if (seconds === null || seconds === undefined) return t('common.unknown');
  const s = Math.round(seconds);
  if (s < 60) return t('common.seconds', { seconds: s });
  return t('common.minutesSeconds', { minutes: Math.floor(s / 60), seconds: s % 60 });
}

/** The user-facing message for a failed API call. */
export function errorText(t, err) {
  if (!err || !err.status) return t('common.error');
  if (err.status === 400) return t('common.invalid', { reason: err.body.message || '' });
  if (err.status === 404) return t('common.notFound');
  return t('common.error');
}
