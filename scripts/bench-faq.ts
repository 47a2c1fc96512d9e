/** Usage: tsx scripts/bench-faq.ts — builds 300 synthetic topics (plus the real KB) and prints µs per query. */
import { performance } from 'node:perf_hooks';
import { FaqEngine } from '../bot/faq/engine';
import { loadKb } from '../bot/faq/loadKb';
import type { FaqTopic } from '../bot/faq/types';

/** Deterministic pseudo-random numbers, so every run benchmarks the same data. */
function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const random = rng(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
// Consonant-vowel syllables: varied enough that phonetic keys (which drop vowels) collide about as often as real words do.
const syllables = [...'bcdfgjklmnprstvz'].flatMap((c) => [...'aeiou'].map((v) => c + v));
const urduSyllables = [...'بپتٹجچدڈرزسشفکگلمن'].flatMap((c) => ['ا', 'ی', 'و', ''].map((v) => c + v));
const word = (parts: readonly string[]): string => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(parts)).join('');
const latinWords = Array.from({ length: 3000 }, () => word(syllables));
const urduWords = Array.from({ length: 3000 }, () => word(urduSyllables));
const sentence = (words: readonly string[]): string => Array.from({ length: 4 + Math.floor(random() * 5) }, () => pick(words)).join(' ');

const real = loadKb();
const synthetic: FaqTopic[] = Array.from({ length: 300 - real.length }, (_, i) => ({
  id: `synthetic.t${i}`,
  answer: { en: `Answer ${i}`, ur: `جواب ${i}` },
  questions: {
    en: Array.from({ length: 11 }, () => sentence(latinWords)),
    ur: Array.from({ length: 11 }, () => sentence(urduWords)),
    'ur-Latn': Array.from({ length: 11 }, () => sentence(latinWords)),
  },
}));
const topics = [...real, ...synthetic];

const buildStart = performance.now();
const engine = new FaqEngine(topics);
const buildMs = performance.now() - buildStart;

const realQueries = [
  ...real.flatMap((t) => [t.questions.en[0], t.questions.ur[0], t.questions['ur-Latn'][0]]),
  'How do I register my car?',
  'ghar se kaam ki ijazat kaise milegi',
  'وائٹ لسٹنگ کے لیے درخواست کیسے دوں',
  // Long messages with a greeting, context and a sign-off: scored part by part, so they cost the most.
  'Assalam o alaikum sir, we run a 25 seat BPO in Faisalabad for a Canadian client and the district administration is closing offices from Thursday. How can we get permission to keep operating, and what do we need to send? Regards, Tariq',
  'AoA, hamare 60 agents hain jo ghar se kaam karna chahte hain kyun ke transport band hai, iske liye request kahan aur kaise deni hogi? Shukriya',
  'السلام علیکم، ہمارا کال سینٹر کراچی میں ہے۔ لاک ڈاؤن میں دفتر کھلا رکھنے کی اجازت کے لیے کیا کرنا ہوگا؟ شکریہ',
].filter((q): q is string => typeof q === 'string');
const syntheticQueries = synthetic
  .slice(0, 60)
  .flatMap((t) => [t.questions.en[1], t.questions.ur[1]])
  .filter((q): q is string => typeof q === 'string');
/** Synthetic long messages: three sentences of topic words joined the way people write (greeting, context, question). */
const longQueries = synthetic
  .slice(60, 90)
  .map((t) => `Salam sir, ${t.questions.en[2] ?? ''}. ${t.questions.en[3] ?? ''}, ${t.questions['ur-Latn'][4] ?? ''}? Shukriya`);

interface Timing {
  readonly wallUs: number;
  /** CPU time of this process: unlike wall time, not inflated when other processes share the cores. */
  readonly cpuUs: number;
}

/** Mean microseconds per search over `rounds` passes (after a warm-up pass for the JIT). */
function measure(queries: readonly string[], rounds = 20): Timing {
  for (const q of queries) engine.search(q);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let r = 0; r < rounds; r += 1) for (const q of queries) engine.search(q);
  const wall = (performance.now() - start) * 1000;
  const cpu = process.cpuUsage(cpuStart);
  const n = rounds * queries.length;
  return { wallUs: wall / n, cpuUs: (cpu.user + cpu.system) / n };
}

const format = (t: Timing): string => `${t.cpuUs.toFixed(1)} µs CPU (${t.wallUs.toFixed(1)} µs wall)`;
const realTiming = measure(realQueries);
const syntheticTiming = measure(syntheticQueries);
const longTiming = measure(longQueries);
const allTiming = measure([...realQueries, ...syntheticQueries, ...longQueries]);
const questionCount = topics.reduce((n, t) => n + t.questions.en.length + t.questions.ur.length + t.questions['ur-Latn'].length, 0);
console.log(`topics: ${topics.length}, questions indexed: ${questionCount}, build: ${buildMs.toFixed(0)} ms`);
console.log(
  `search per query: ${format(allTiming)}; real questions ${format(realTiming)}; synthetic ${format(syntheticTiming)}; long synthetic ${format(longTiming)}`,
);
