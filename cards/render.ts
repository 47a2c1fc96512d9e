/**
 * Expands `<name>.card.json` templates (layout and `${…}` bindings only, no prose) with data and
 * wraps the result as an attachment. Strings come in the data, already translated.
 */
import * as ACData from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';

export const adaptiveCardVersion = '1.5';

/** Expands a card template with data (bound at `$root`). */
export function expandCard(template: object, data: object): Attachment {
  const card = new ACData.Template(template).expand({ $root: data }) as object;
  return CardFactory.adaptiveCard(card);
}
