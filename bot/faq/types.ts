/** Languages a question can arrive in: English, Urdu script, Roman Urdu. */
export const FAQ_LANGUAGES = ['en', 'ur', 'ur-Latn'] as const;
export type FaqLanguage = (typeof FAQ_LANGUAGES)[number];

/** One FAQ topic as plain data: the knowledge-base files, the database and the console all produce this. */
export interface FaqTopic {
  readonly id: string;
  /** `ur-Latn` is optional: Roman Urdu users get the Urdu-script answer unless one is written. */
  readonly answer: { readonly en: string; readonly ur: string; readonly 'ur-Latn'?: string };
  readonly questions: Readonly<Record<FaqLanguage, readonly string[]>>;
}

/** What the engine decided: answer outright, offer "did you mean", or admit it does not know. */
export type FaqDecision = 'answer' | 'suggest' | 'none';

export interface FaqResult {
  readonly id: string;
  /** Calibrated confidence in 0..1 (see `engine.ts`, `scoreMatch`). */
  readonly score: number;
  readonly question: string;
  readonly answer: string;
}

export interface FaqSearchResponse {
  readonly language: FaqLanguage;
  readonly decision: FaqDecision;
  readonly results: readonly FaqResult[];
}

export interface FaqSearchOptions {
  /** The user's language on the previous turn; breaks detection ties. */
  readonly previousLanguage?: FaqLanguage;
  /** Force the reply language (e.g. `?lang=` on the HTTP API) instead of detecting it. */
  readonly lang?: FaqLanguage;
}
