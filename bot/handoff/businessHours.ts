/**
 * Office hours of the PSEB team (BUSINESS_HOURS, e.g. `Mon-Fri 09:00-17:00`, in Asia/Karachi), or
 * `always` to switch the check off. Outside them nobody can claim a chat, so the bot offers the
 * 24/7 helpline and a callback instead of a queue.
 */

export const businessTimeZone = 'Asia/Karachi';

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export type BusinessHours = { always: true } | { always: false; days: ReadonlySet<number>; startMinute: number; endMinute: number };

/** Parses the setting (config.ts already checked its shape). */
export function parseBusinessHours(spec: string): BusinessHours {
  if (spec.trim() === 'always') return { always: true };
  const match = /^(\w{3})(?:-(\w{3}))? (\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(spec.trim());
  if (!match) throw new Error(`unreadable business hours: ${spec}`);
  const [, from, to = from, sh, sm, eh, em] = match;
  const first = dayIndex(from);
  const last = dayIndex(to);
  const days = new Set<number>();
  // A range may wrap the week ("Sat-Mon").
  for (let d = first; ; d = (d + 1) % 7) {
    days.add(d);
    if (d === last) break;
  }
  return { always: false, days, startMinute: Number(sh) * 60 + Number(sm), endMinute: Number(eh) * 60 + Number(em) };
}

/** Whether `now` falls inside the hours, read on the Karachi wall clock. */
export function isWithinBusinessHours(hours: BusinessHours, now: Date): boolean {
  if (hours.always) return true;
  const { day, minute } = karachiWallClock(now);
  return hours.days.has(day) && minute >= hours.startMinute && minute < hours.endMinute;
}

/** Day of week (0 = Sunday) and minute of day in Asia/Karachi. */
export function karachiWallClock(now: Date): { day: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: businessTimeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: dayIndex(part('weekday')), minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

function dayIndex(name: string): number {
  const index = dayNames.indexOf(name as (typeof dayNames)[number]);
  if (index < 0) throw new Error(`unknown day: ${name}`);
  return index;
}
