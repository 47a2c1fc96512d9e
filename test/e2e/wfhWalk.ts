/** The answers a work-from-home form walk gives in the end-to-end tests, up to the agents question. */
import { karachiToday } from '../../bot/domain/validators';

/** An ISO date `days` after today in Karachi. */
export function daysFromToday(days: number): string {
  const date = new Date(`${karachiToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Walks a WFH form from "wfh" to the agents question; returns what the bot said after the end date. */
export async function walkWfhToAgents(say: (text: string) => Promise<string>): Promise<string> {
  for (const answer of [
    'wfh',
    'Indus Contact Solutions',
    '1234567-8',
    'Ayesha Malik',
    '0300-1234567',
    'a@company.pk',
    'skip',
    daysFromToday(1),
  ])
    await say(answer);
  return say(daysFromToday(20));
}
