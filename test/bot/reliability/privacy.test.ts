/**
 * Privacy: a whole conversation full of CNICs and mobile numbers — typed, in Urdu digits, inside card
 * values, in an unknown verb, in an over-long message, in a crashing turn and over the rate limit — at
 * the most verbose log level; no log line and no console output may carry one in clear.
 */
import { startTestApp, TestUser, type TestApp } from '../../helpers/app';
import { startConnector, type ConnectorRecorder } from '../../helpers/connector';

const cnic = '35202-1234567-9';
const phone = '0300-7654321';
/** Every way the two numbers could show up unmasked. */
const leaks = [/35202-?1234567-?9/, /3520212345679/, /300-?7654321/, /3007654321/, /۳۵۲۰۲/, /۷۶۵۴۳۲۱/];

let t: TestApp;
let connector: ConnectorRecorder;
const consoleLines: string[] = [];

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')));
  }
  connector = await startConnector();
  t = await startTestApp({ LOG_LEVEL: 'trace', RATE_LIMIT_PER_MINUTE: '12' });
  // A feature that fails with the user's words in its error — the logger must still mask them.
  t.app.bot.intercept(async (context) => {
    if (context.activity.text?.startsWith('crash')) throw new Error(`could not parse "${context.activity.text}"`);
    return false;
  });
});
afterAll(async () => {
  await t.close();
  await connector.close();
  jest.restoreAllMocks();
});

it('never writes a CNIC or mobile number in clear to any log line', async () => {
  const user = new TestUser(t.baseUrl, 'webchat', `user-${cnic}`, `conv-${phone}`, connector.serviceUrl);
  await user.send({ type: 'conversationUpdate', membersAdded: [{ id: user.userId }], text: undefined });
  await user.say('menu');
  await user.say(`My CNIC is ${cnic} and my mobile is ${phone}`);
  await user.say('میرا شناختی کارڈ ۳۵۲۰۲-۱۲۳۴۵۶۷-۹ اور فون ۰۳۰۰-۷۶۵۴۳۲۱ ہے');
  await user.say(`+92 300 7654321 / 0092${phone.replace('-', '').slice(1)} / ${cnic.replace(/-/g, '')}`);
  await user.submit({ verb: `x ${cnic} ${phone}`, cnic, phone });
  await user.send({
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: cnic, data: { phone } } },
  });
  await user.say(`${cnic} `.repeat(4_000));
  await user.say(`crash ${cnic} ${phone}`);
  await user.post({ type: 'message', text: cnic, deliveryMode: 'normal' });
  await connector.waitFor((c) => c.conversationId === user.conversationId);
  for (let i = 0; i < 6; i++) await user.say(`again ${cnic} ${phone}`);

  const logText = t.logs.join('\n');
  expect(t.logs.some((l) => l.includes('"turn failed"'))).toBe(true);
  expect(t.logs.some((l) => l.includes('"rate limit exceeded"'))).toBe(true);
  expect(t.logs.some((l) => l.includes('unknown card verb'))).toBe(true);
  // The numbers did reach the logs (in the failing turn's error, the unknown verb…), masked.
  expect(logText).toContain('35202-*******-9');
  for (const leak of leaks) {
    expect(logText).not.toMatch(leak);
    expect(consoleLines.join('\n')).not.toMatch(leak);
  }
});

it('still keeps what the user wrote in the transcript for agents (masking is for logs)', async () => {
  const stored = await t.db.prisma.transcriptMessage.findFirst({ where: { text: { contains: 'My CNIC is' } } });
  expect(stored?.text).toContain(cnic);
});
