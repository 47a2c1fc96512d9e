/**
 * The phrases free-text understanding looks for, per language. A phrase is words separated by spaces;
 * a word may list spellings with `|`; `*` stands for up to three other words. Everything is compared
 * after the FAQ normaliser (bot/domain/commands.ts commandKey), so Arabic-keyboard letters, diacritics
 * and spelling-habit letters don't matter. All languages are tried on every message (people mix them).
 */
import type { CommandLanguage } from '../domain/commands';

export type Concept = 'whitelisting' | 'wfh' | 'applyWord' | 'howWord' | 'statusWord' | 'person' | 'myRequests' | 'questionWord';

export const LEXICON: Record<Concept, Record<CommandLanguage, readonly string[]>> = {
  /** The whitelisting request, or what it is for (keeping an office open). */
  whitelisting: {
    en: [
      'whitelisting|whitelist|whitelisted|whitelistings',
      'white listing|list',
      'office|offices|centre|center * open|running',
      'keep * office|offices open',
    ],
    'ur-Latn': ['office|daftar * khula|khulla|kholne|kholna|chalane|chalana', 'white listing|list'],
    ur: ['وائٹ لسٹنگ|لسٹ', 'وائٹلسٹنگ', 'دفتر|آفس * کھلا|کھولنے|کھولنا|چلانے'],
  },
  /** The work-from-home request. */
  wfh: {
    en: ['wfh', 'work|working from home', 'remote work|working', 'home based work'],
    'ur-Latn': ['ghar|gher|ghr se|say|sy kaam|kam', 'kaam|kam ghar|gher se|say'],
    ur: ['گھر سے کام', 'کام گھر سے', 'ورک فرام ہوم', 'ڈبلیو ایف ایچ'],
  },
  /** Filing a request: with a kind, a statement asks for the form. */
  applyWord: {
    en: [
      'apply|applying',
      'application|applications',
      'submit|submitting',
      'start|begin',
      'register|registration',
      'file|lodge',
      'request|requests',
      'form',
      'permission',
      'new',
    ],
    'ur-Latn': [
      'darkhwast|darkhast|darkhuast|darkhwaast|darkhwasat',
      'request|application|apply|form',
      'shuru|start',
      'karwani|karwana|karwaani|krwani|karani|karana|karwaen|karwayen',
      'ijazat|ijaazat|permission',
      'jama|submit',
      'deni|dena|dalni|dalna',
    ],
    ur: ['درخواست', 'اپلائی', 'فارم', 'شروع', 'کروانی|کروانا|کرانی|کرانا|کروائیں', 'اجازت', 'جمع', 'ریکویسٹ'],
  },
  /** A question about how to apply: answered by the FAQ, with a button that starts the form. */
  howWord: {
    en: ['how do|can|should|would|could|to|does|is', 'process|procedure|steps|requirements', 'what do i need'],
    'ur-Latn': ['kaise|kese|kaisay|kesay|kaisey', 'tareeqa|tariqa|tareeka|tarika|tareeqah|procedure', 'kya karna hoga|hai|parega|padega'],
    ur: ['کیسے', 'طریقہ', 'کیا کرنا ہوگا|ہو گا|ہے|پڑے گا'],
  },
  /** With a reference: asks where that request stands. */
  statusWord: {
    en: ['status', 'update|updates|news', 'happened', 'stand|stands|standing', 'progress', 'where', 'check|track', 'approved|rejected'],
    'ur-Latn': ['status', 'bana|bani|bane', 'hua|hui|howa', 'pata|pta', 'kahan|kidhar', 'update', 'approve|approved|manzoor'],
    ur: ['صورتحال', 'صورت حال', 'اسٹیٹس|سٹیٹس', 'بنا|بنی', 'ہوا|ہوئی', 'پتا|پتہ', 'اپڈیٹ', 'منظور'],
  },
  /** Asking for a person, anywhere in a message. */
  person: {
    en: [
      'talk|speak|chat|connect|transfer * person|human|agent|representative|someone|somebody|officer|staff|operator|people|man|woman|team',
      'real|actual|live person|human|agent',
      'human being',
    ],
    'ur-Latn': [
      'insaan|insan|banday|bande|banda|numainda|numainde|numaindey|agent|officer|afsar|staff|admin|shakhs|person|human|aadmi se|say|sy baat|bat',
    ],
    ur: ['نمائندے|نمائندہ|انسان|بندے|بندہ|افسر|ایجنٹ|اہلکار|عملے|شخص|آدمی سے بات'],
  },
  /** The user's own requests. */
  myRequests: {
    en: ['my requests|applications|request|application', 'requests|applications * submitted|filed|sent|made'],
    'ur-Latn': [
      'meri|mere|meray requests|request|applications|application|darkhwast|darkhwastain|darkhwasten|darkhwastein|darkhaste|darkhastain',
      'requests|darkhwastain|darkhastain|applications di|bheji|bhejin|jama|submit',
    ],
    ur: ['میری|میرے درخواست|درخواستیں|ریکویسٹ|ریکویسٹس', 'درخواستیں * جمع|بھیجی|دی'],
  },
  /** Words that make a sentence a question (English openers are read separately). */
  questionWord: {
    en: [],
    'ur-Latn': ['kya|kia|kiya|kaise|kese|kaisay|kab|kyun|kyon|kahan|kahaan|kon|kaun|kitna|kitne|kitni'],
    ur: ['کیا|کیسے|کب|کیوں|کہاں|کون|کتنا|کتنے|کتنی'],
  },
};
