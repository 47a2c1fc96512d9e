/**
 * Expands `<name>.card.json` templates (layout and `${…}` bindings, no prose) with data and wraps the
 * result as an attachment. Strings come in the data, already translated.
 */
import { randomUUID } from 'node:crypto';
import * as ACData from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';

export const adaptiveCardVersion = '1.5';

/** Expanded cards kept per template at most (least recently used dropped first). */
export const CARD_CACHE_LIMIT = 256;

/**
 * Values that differ on every card (a draft id, a hand-off id) and so are left out of the cache key: the
 * template is expanded with a marker in their place and each marker is replaced in the cached JSON text.
 * Only plain string bindings (`"${draftId}"`) may be passed this way, not values used in expressions.
 */
export type FreshValues = Readonly<Record<string, string>>;

/** A marker no translated string or user value contains (private-use characters and a per-process nonce), which JSON leaves as is. */
const nonce = randomUUID();
const marker = (name: string): string => `\uE000${nonce}:${name}\uE001`;

/**
 * A card template with its `${…}` bindings parsed once. Parsing (an ANTLR parse per binding) cost about
 * 1 ms per card — more than the FAQ search itself — while expanding a parsed template costs a fraction.
 * Expansion is synchronous and leaves the parsed template as it was, so one instance serves every turn.
 */
export class CardTemplate {
  private readonly parsed: ACData.Template;
  /** Expanded JSON text by the data it was expanded with (markers in place of fresh values). */
  private readonly expanded = new Map<string, string>();

  constructor(json: object) {
    this.parsed = new ACData.Template(json);
  }

  /** The expanded card JSON for data bound at `$root`. */
  expand(data: object): object {
    return this.parsed.expand({ $root: data }) as object;
  }

  /**
   * The same card as `expand({ ...data, ...fresh })`, expanded once per distinct `data` and handed out as a
   * new object parsed from the kept JSON text, so a turn that changes its card cannot change the next one's.
   */
  expandCached(data: object, fresh: FreshValues = {}): object {
    const key = JSON.stringify(data);
    let text = this.expanded.get(key);
    if (text === undefined) {
      const markers = Object.fromEntries(Object.keys(fresh).map((name) => [name, marker(name)]));
      text = JSON.stringify(this.expand({ ...data, ...markers }));
      if (this.expanded.size >= CARD_CACHE_LIMIT) this.expanded.delete(this.expanded.keys().next().value as string);
    } else {
      this.expanded.delete(key); // re-inserted below as the most recently used
    }
    this.expanded.set(key, text);
    for (const [name, value] of Object.entries(fresh)) text = text.replaceAll(marker(name), JSON.stringify(value).slice(1, -1));
    return JSON.parse(text) as object;
  }

  /** How many expanded cards are kept (for tests). */
  get cachedCount(): number {
    return this.expanded.size;
  }
}

/** Parses a card template once; card modules keep the result in a constant. */
export function cardTemplate(json: object): CardTemplate {
  return new CardTemplate(json);
}

/** Expands a parsed card template with data, as an Adaptive Card attachment. */
export function expandCard(template: CardTemplate, data: object): Attachment {
  return CardFactory.adaptiveCard(template.expand(data));
}

/**
 * Like `expandCard` for cards that repeat between turns (the menu, the intake form, FAQ answers): the
 * expansion is kept per distinct data, with `fresh` values (ids) put in per card. Cards built from
 * user-supplied text that changes every turn (chat lines, staff cards) should use `expandCard`.
 */
export function expandCachedCard(template: CardTemplate, data: object, fresh?: FreshValues): Attachment {
  return CardFactory.adaptiveCard(template.expandCached(data, fresh));
}
