/** The announcement and reminder settings: defaults, and a bad value named at start-up. */
import { ConfigError, loadConfig } from '../../../bot/config';

it('defaults to 5 sends per second and 24-hour reminder and decision windows', () => {
  const config = loadConfig({});
  expect([config.ANNOUNCEMENT_RATE_PER_SECOND, config.INFO_REMINDER_HOURS, config.DECISION_SLA_HOURS]).toEqual([5, 24, 24]);
});

it('accepts fractional values from the environment', () => {
  const config = loadConfig({ ANNOUNCEMENT_RATE_PER_SECOND: '0.5', INFO_REMINDER_HOURS: '12', DECISION_SLA_HOURS: '48' });
  expect([config.ANNOUNCEMENT_RATE_PER_SECOND, config.INFO_REMINDER_HOURS, config.DECISION_SLA_HOURS]).toEqual([0.5, 12, 48]);
});

it.each([
  ['ANNOUNCEMENT_RATE_PER_SECOND', '0'],
  ['ANNOUNCEMENT_RATE_PER_SECOND', '1000'],
  ['INFO_REMINDER_HOURS', '-1'],
  ['DECISION_SLA_HOURS', 'daily'],
])('refuses %s=%s and names it', (key, value) => {
  let error: unknown;
  try {
    loadConfig({ [key]: value });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems.join('\n')).toContain(key);
});
