/** Reading the Prometheus text format `/metrics` answers with. */

/**
 * The value of the sample named exactly `name`, labels included (e.g. `pseb_turns_total{kind="faq",outcome="ok"}`), or
 * undefined when the text has no such sample.
 */
export function sampleValue(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}
