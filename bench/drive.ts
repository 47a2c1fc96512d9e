/**
 * Drives one bench scenario against a running server, for profiling (README, "CPU profile"):
 * `node --import tsx bench/drive.ts <baseUrl> <faq|dialog|whitelisting> [seconds]`.
 */
import autocannon from 'autocannon';
import { dialogTurn, faqTurn, whitelistingOpening, type Scenario } from './scenarios';

const scenarios: Record<string, Scenario> = { faq: faqTurn, dialog: dialogTurn, whitelisting: whitelistingOpening };

async function main(): Promise<void> {
  const [url, name = 'faq', seconds = '10'] = process.argv.slice(2);
  const scenario = scenarios[name];
  if (!url || !scenario) throw new Error('usage: bench/drive.ts <baseUrl> <faq|dialog|whitelisting> [seconds]');
  let n = 0;
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections: Number(process.env.BENCH_CONNECTIONS ?? 100),
    duration: Number(seconds),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(scenario.body(n++)) }) }],
  });
  console.log(
    `${scenario.name}: ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
