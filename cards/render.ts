/**
 * Expands `<name>.card.json` templates (layout and `${…}` bindings, no prose) with data and wraps the
 * result as an attachment. Strings come in the data, already translated.
 */
import * as ACData from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';

export const adaptiveCardVersion = '1.5';

/**
 * A card template with its `${…}` bindings parsed once. Parsing (an ANTLR parse per binding) cost about
 * 1 ms per card — more than the FAQ search itself — while expanding a parsed template costs a fraction.
 * Expansion is synchronous and leaves the parsed template as it was, so one instance serves every turn.
 */
export class CardTemplate {
  private readonly parsed: ACData.Template;

  constructor(json: object) {
    this.parsed = new ACData.Template(json);
  }

  /** The expanded card JSON for data bound at `$root`. */
  expand(data: object): object {
    return this.parsed.expand({ $root: data }) as object;
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
