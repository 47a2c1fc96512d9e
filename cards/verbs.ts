/** Every verb an Action.Submit / Action.Execute may carry; one router maps each to its handler. */
export const Verbs = {
  menuSelect: 'menu.select',
  intakeSubmit: 'intake.submit',
  intakeCancel: 'intake.cancel',
  faqPick: 'faq.pick',
  handoffClaim: 'handoff.claim',
  handoffEnd: 'handoff.end',
  handoffSendAnswer: 'handoff.sendAnswer',
  handoffRate: 'handoff.rate',
  requestDecide: 'request.decide',
  requestReply: 'request.reply',
  requestRevoke: 'request.revoke',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];

const allVerbs = new Set<string>(Object.values(Verbs));

/** Narrows an untrusted string from a card payload to a known verb. */
export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && allVerbs.has(value);
}
