import { cleanNumeric } from './normalize';
import { fail, ok, type Result } from './result';

const MIN_SEATS = 1;
const MAX_SEATS = 10_000;

/** Number of agent seats: a whole number 1–10,000; Urdu digits and thousands separators ("1,200", "۱٬۲۰۰") accepted. */
export function validateAgentSeats(raw: string): Result<number> {
  const text = cleanNumeric(raw);
  const grouped = /^\d{1,3}([,\u066c ]\d{3})+$/.test(text);
  if (!grouped && !/^\d+$/.test(text)) return fail('agentSeats.format');
  const seats = Number(text.replace(/[,\u066c ]/g, ''));
  if (seats < MIN_SEATS || seats > MAX_SEATS) return fail('agentSeats.range');
  return ok(seats);
}
