import { Analyzer, editDistance, withImpliedConcepts, withinEdits } from '../../../bot/faq/analyzer';

const analyzer = new Analyzer();
const terms = (text: string): string[] => analyzer.analyze(text).map((t) => t.term);

describe('domain synonym table', () => {
  it.each([
    ['@wfh', ['WFH', 'work from home', 'ghar se kaam', 'gher se kam', 'گھر سے کام', 'ورک فرام ہوم']],
    ['@wl', ['whitelist', 'whitelisting', 'white listing', 'وائٹ لسٹ', 'وائٹ لسٹنگ']],
    ['@pseb', ['PSEB', 'پی ایس ای بی', 'Pakistan Software Export Board', 'پاکستان سافٹ ویئر ایکسپورٹ بورڈ']],
    ['@covid', ['covid', 'COVID-19', 'corona', 'کورونا', 'کرونا']],
    ['@helpline', ['helpline', 'help line', 'ہیلپ لائن', '0800']],
    ['@human', ['person', 'human', 'insaan', 'insan', 'انسان', 'نمائندے']],
    ['@callcentre', ['call centre', 'call center', 'BPO', 'کال سینٹر', 'بی پی او']],
    ['@help', ['relief', 'concession', 'رعایت', 'riayat', 'سہولت']],
  ])('maps every name of %s to the same concept', (concept, names) => {
    for (const name of names) expect(terms(name)).toEqual([concept]);
  });

  it('reads SMS and chat spellings as the usual word, so phrases still form', () => {
    expect(terms('whitelisting kia hoti h')).toEqual(terms('whitelisting kya hoti hai'));
    expect(terms('ghr se kam ki request kesy krni hai')).toEqual(terms('ghar se kaam ki request kaise karni hai'));
    expect(terms('wat info r needed plz')).toEqual(terms('what info are needed please'));
  });

  it('splits Urdu words typed without a space, but never a word of a concept name', () => {
    expect(terms('وائٹ لسٹنگ کیسےکریں')).toEqual(terms('وائٹ لسٹنگ کیسے کریں'));
    expect(terms('ایکسپورٹ بورڈ')).toEqual(['@pseb']);
  });

  it('reads ے and ں followed by a letter as the end of a word: the space left out (round twenty-one)', () => {
    expect(terms('درخواست بھیجنےکا طریقہ')).toEqual(terms('درخواست بھیجنے کا طریقہ'));
    expect(terms('ہیلپ لائن کا نمبر کہاںہے')).toEqual(terms('ہیلپ لائن کا نمبر کہاں ہے'));
    expect(terms('ہمارے لوگ دفتر سےکام کرسکتےہیں')).toEqual(terms('ہمارے لوگ دفتر سے کام کر سکتے ہیں'));
  });

  it('reads a consonant typed twice as the known word it doubles, but leaves ا و ی alone (round twenty-one)', () => {
    expect(terms('نمائندے سے باتت')).toEqual(terms('نمائندے سے بات'));
    expect(terms('نئے')).toEqual(['نیی']);
  });

  it('does not read a short English word as a three-letter concept spelling (nice is not NIC)', () => {
    expect(terms('have a nice day')).not.toContain('@cnic');
  });

  it('matches multi-word phrases before single words (work from home is one concept, not work + home)', () => {
    expect(terms('work from home')).toEqual(['@wfh']);
  });

  it('reads the upper-case word IT as information technology but drops the pronoun it', () => {
    expect(terms('IT industry')).toEqual(['@it', '@industry']);
    expect(terms('is it open')).toEqual(['@open']);
  });

  it('turns request references into the reference concept', () => {
    expect(terms('status WL-123456')).toEqual(['@status', '@ref']);
  });
});

describe('function words', () => {
  it('drops English, Roman Urdu and Urdu function words', () => {
    expect(terms('what is the')).toEqual(['@whatis']);
    expect(terms('mujhe ye bata dein')).toEqual([]);
    expect(terms('مجھے یہ بتا دیں')).toEqual([]);
  });

  it('drops polite openers, greetings and chat shorthand so they do not dilute a question', () => {
    expect(terms('assalam o alaikum sir please bataiye helpline')).toEqual(['@helpline']);
    expect(terms('جناب ذرا بتائیں کہ ہیلپ لائن')).toEqual(['@helpline']);
    expect(terms('hi r u guys pseb')).toEqual(['@pseb']);
  });

  it('drops "besides" (ilawa / علاوہ), which was read as a spelling of "mila" (talk)', () => {
    expect(terms('PSEB ke ilawa kaun hai')).not.toContain('@talk');
    expect(terms('پی ایس ای بی کے علاوہ کون ہے')).toEqual(['@pseb', '@who']);
  });

  it('drops Urdu "such" and "really" (ایسے، ایسی، واقعی), read as typos of "how" (کیسے) and of a ministry word', () => {
    expect(terms('کیا ایسے ایجنٹوں کو گھر سے کام کی اجازت ہے')).not.toContain('@how');
    expect(terms('کیا واقعی کچھ ہو رہا ہے')).toEqual([]);
  });

  it('drops the Urdu pronoun خود (oneself), the infinitive of telling (batana, بتانا) as "bata dein" is, and "true" (sach, سچ)', () => {
    expect(terms('وہ خود فون کر سکیں')).not.toContain('خود');
    expect(terms('kya kya batana hoga')).toEqual([]);
    expect(terms('کیا بتانا ہوگا')).toEqual([]);
    expect(terms('kya ye sach hai')).toEqual([]);
    expect(terms('کیا یہ سچ ہے')).toEqual([]);
  });

  it('drops function words of both scripts: therefore, times, several, the last; said and thought (round eleven)', () => {
    expect(terms('pichli dafa isliye kayi baar')).toEqual([]);
    expect(terms('پچھلی دفعہ کئی بار بس')).toEqual([]);
    // پچھلے (the last) was read as a typo of پوچھے (asked, @info).
    expect(terms('پچھلے ہفتے')).not.toContain('@info');
    expect(terms('hum ne socha tha, agent kehti hai')).toEqual(['@agent']);
    expect(terms('کسی نے کہا تھا، ہم نے سوچا')).toEqual([]);
  });

  it('reads "kaun si" (which) apart from "kaun" (who)', () => {
    expect(terms('kaun si details')).toEqual(['@which', '@info']);
    expect(terms('کون سی تفصیلات')).toEqual(['@which', '@info']);
    expect(terms('kaun hai')).toEqual(['@who']);
  });

  it('keeps the working group bodies apart from the member concept, so "PTA mobile registration" is not a membership question', () => {
    expect(terms('PTA mobile registration')).toEqual(['@wgbody', 'mobile', '@register']);
    expect(terms('telecom regulator')).toEqual(['@wgbody']);
  });

  it('does not read "jobs" as the purpose concept (PSEB jobs is off-topic)', () => {
    expect(terms('pseb jobs')).not.toContain('@purpose');
  });
});

describe('spelling tolerance', () => {
  it('reads a Roman Urdu spelling not in the table by its phonetic key', () => {
    expect(terms('ijaazatt')).toEqual(terms('ijazat'));
  });

  it('does not let a short phonetic key swallow unrelated words (gaari is not ghar)', () => {
    expect(terms('gaari')).not.toContain('@wfh');
  });

  it("drops what is left of an English contraction (I'm, we're, I've, I'd, you'll, doesn't), never the chat 'm' of 'mein'", () => {
    expect(terms("I'm Ali, we're 20, I've applied, I'd ask, you'll see, doesn't")).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(?:m|re|ve|d|ll|t)$/)]),
    );
    expect(terms('I’m Ali')).toEqual(['ali']);
    expect(new Analyzer([{ term: 'm', phon: 'm' }]).analyze('ghar m kaam').map((t) => t.term)).toContain('m');
  });

  it('keeps real words one letter from a known one as they are: jaiz (lawful), intezam (arrangement), واضح (clear)', () => {
    const known = new Analyzer([
      { term: 'intezar', phon: 'intzr' },
      { term: 'انتظار', phon: 'انتظار' },
      { term: 'واحد', phon: 'واحد' },
    ]);
    const read = (text: string): string[] => known.analyze(text).map((t) => t.term);
    expect(read('jaiz')).toEqual(['jaiz']);
    expect(read('intezam')).toEqual(['intezam']);
    expect(read('انتظام')).toEqual(['انتظام']);
    expect(read('واضح')).toEqual(['واضح']);
  });

  it('reads "this board" (ye board, یہ بورڈ) as PSEB, but not "the board" or "our board"', () => {
    expect(terms('ye board kya karta hai')).toContain('@pseb');
    expect(terms('یہ بورڈ کس لیے بنا')).toContain('@pseb');
    expect(terms('What does this board do')).toContain('@pseb');
    expect(terms('the board website is down')).not.toContain('@pseb');
    expect(terms('our board wants to know')).not.toContain('@pseb');
  });

  it('reads a one-letter typo of a known word as that word', () => {
    expect(terms('whitelsting')).toEqual(['@wl']);
  });

  it('uses the knowledge-base vocabulary for typos once it is given', () => {
    expect(new Analyzer().analyze('biriyani').map((t) => t.term)).toEqual(['biriyani']);
    expect(new Analyzer([{ term: 'biryani', phon: 'brn' }]).analyze('biriyani').map((t) => t.term)).toEqual(['biryani']);
  });

  it('reads a letter typed three times or more as one ("plzzz", "helplineee")', () => {
    expect(terms('helplineee ka number do plzzz')).toEqual(['@helpline', '@phone']);
  });

  it('reads a chat skeleton with its vowels dropped as the one word it spells ("mtlb", "jldi", "nmbr")', () => {
    expect(terms('whitelisting ka mtlb')).toEqual(['@wl', '@meaning']);
    expect(terms('helpline nmbr jldi')).toEqual(['@helpline', '@phone']);
  });

  it('leaves an acronym and a word with inner vowels to the other steps ("FBR", "car")', () => {
    expect(terms('FBR helpline')).toContain('fbr');
    expect(terms('car registration')).toContain('car');
  });

  it('computes edit distance', () => {
    expect(editDistance('kaise', 'kaisay')).toBe(2);
    expect(editDistance('ghar', 'gaari')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('says whether two words are within one or two edits exactly as the edit distance does', () => {
    // Every pair of words of up to four letters over a three-letter alphabet (Urdu letters, as the phrase matcher sees them).
    const letters = ['ک', 'ا', 'ر'];
    const words = [''];
    for (let length = 1; length <= 4; length += 1)
      for (const word of words.filter((w) => w.length === length - 1)) for (const letter of letters) words.push(word + letter);
    let near = 0;
    for (const a of words)
      for (const b of words)
        for (const max of [1, 2]) {
          const expected = editDistance(a, b) <= max;
          if (withinEdits(a, b, max) !== expected) throw new Error(`withinEdits(${a}, ${b}, ${max}) should be ${expected}`);
          if (expected && max === 1) near += 1;
        }
    expect(near).toBeGreaterThan(1000);
  });
});

describe('what frames a message (issue 14)', () => {
  it('drops courtesies, sign-offs and chat fillers', () => {
    expect(terms('Good morning sir, the office, bohat urgent hai. Regards, JazakAllah')).toEqual(['@office']);
    expect(terms('محترم، بہت فوری، والسلام')).toEqual([]);
    expect(terms('yaar lekin foran')).toEqual([]);
    // Worry as a noun is a filler as the adjective is.
    expect(terms('koi pareshani ho, پریشانی')).toEqual([]);
  });

  it('reads "jaldi" alone as a filler but "kitni jaldi" as a question about time', () => {
    expect(terms('jaldi bata dein')).toEqual([]);
    expect(terms('kitni jaldi')).toEqual(['@time']);
    expect(terms('کتنی جلدی')).toEqual(['@time']);
  });

  it('reads permission to keep the office open, or staying open in the lockdown, as whitelisting', () => {
    expect(terms('office khula rakhne ki ijazat')).toEqual(['@office', '@wl']);
    expect(terms('دفتر کھلا رکھنے کی اجازت')).toEqual(['@office', '@wl']);
    expect(terms('apply to stay open during the lockdown')).toEqual(['@apply', '@wl']);
    expect(terms('is the helpline open')).toEqual(['@helpline', '@open']);
  });

  it('does not take "internet" alone for the internet-provider field', () => {
    expect(terms('which internet')).not.toContain('@ip');
    expect(terms('internet provider')).toEqual(['@ip']);
  });
});

describe('owners of a subject', () => {
  const owners = (text: string): string[] =>
    analyzer
      .analyze(text)
      .filter((t) => t.owner)
      .map((t) => t.term);

  it('marks a word linked to a subject by a genitive particle, or written as an acronym', () => {
    expect(owners('NADRA ki helpline ka number')).toEqual(['nadra']);
    expect(owners('نادرا کی ہیلپ لائن')).toEqual(['نادرا']);
    expect(owners('What is the NADRA helpline number?')).toEqual(['nadra']);
  });

  it('marks the plain word an English "of" hands a subject to ("the helpline of the passport office")', () => {
    expect(owners('what is the helpline of the passport office')).toEqual(['passport']);
    expect(owners('status of my visa')).toEqual(['visa']);
    expect(owners('the purpose of the working group')).toEqual([]);
  });

  it('does not mark an English adjective before a subject, or a concept', () => {
    expect(owners('the current status of my request')).toEqual([]);
    expect(owners('PSEB ki helpline')).toEqual([]);
  });

  it('keeps "police" as a word of its own, not a typo of "policy", and "band" (closed) not a typo of "banda"', () => {
    expect(terms('police')).toEqual(['police']);
    expect(terms('transport band hai')).toEqual(['transport', 'band']);
  });
});

describe('words that frame a question without saying what it is about', () => {
  it('drops inflected English function words and -ly adverbs ("keeps telling", "honestly", "currently")', () => {
    expect(terms('my uncle keeps telling me')).toEqual(terms('my uncle'));
    expect(terms('honestly where is the status currently')).toEqual(terms('where is the status'));
  });

  it('keeps a six-letter noun in -ly ("family") as a word', () => {
    expect(terms('family')).toEqual(['family']);
  });

  it.each([['kyun ke transport band hai'], ['kyunke transport band hai'], ['کیونکہ ٹرانسپورٹ بند ہے']])(
    'reads "because" as a function word, not the question word "why": %s',
    (text) => {
      expect(terms(text)).not.toContain('@why');
    },
  );

  it('reads "regarding" and "questions" as function words in Roman Urdu and Urdu too', () => {
    expect(terms('corona se mutaliq sawalat')).toEqual(terms('corona'));
    expect(terms('کورونا سے متعلق سوالات')).toEqual(terms('کورونا'));
  });
});

describe('round four vocabulary (issue 14)', () => {
  it.each([
    ['will someone contact me'],
    ['kya koi mujh se rabta karega'],
    ['کیا کوئی مجھ سے رابطہ کرے گا'],
    ['faisle ka kaise pata chalega'],
  ])('reads being contacted or finding out as hearing back, not as a person or using something: %s', (text) => {
    expect(terms(text)).toContain('@notify');
    expect(terms(text)).not.toContain('@human');
    expect(terms(text)).not.toContain('@use');
  });

  it('reads "centre" alone as the call centre, not a typo of "sector" or "enter"', () => {
    expect(terms('our centre')).toEqual(terms('our call centre'));
    expect(terms('سینٹر')).toEqual(['@callcentre']);
    expect(terms('center')).toEqual(['@callcentre']);
  });

  it('reads homes (gharon, گھروں) as home and aage (آگے) as next', () => {
    expect(terms('gharon se')).toEqual(['@wfh']);
    expect(terms('گھروں سے')).toEqual(['@wfh']);
    expect(terms('aage kya hoga')).toEqual(terms('next kya hoga'));
    expect(terms('آگے')).toEqual(['@after']);
  });

  it('drops "so that", past "was", "whether" and words of manner (direct, current)', () => {
    expect(terms('jo request di thi')).toEqual(terms('jo request di'));
    expect(terms('جو درخواست دی تھی تاکہ کام جاری رہے')).toEqual(terms('جو درخواست دی کام جاری رہے'));
    expect(terms('taake kaam jari rakh sakein')).toEqual(terms('kaam jari rakh'));
    expect(terms('whether it is approved')).toEqual(terms('it is approved'));
    expect(terms('seedha baat')).toEqual(terms('baat'));
    expect(terms('براہ راست بات')).toEqual(terms('بات'));
    expect(terms('the current status')).toEqual(terms('the status'));
  });

  it('reads "could you share the number?" as wanting the number, not sharing', () => {
    expect(terms('could you share the number')).toEqual(['@need', '@phone']);
    expect(terms('will my data be shared')).toContain('@share');
  });

  it('reads an association as an organisation', () => {
    expect(terms('associations')).toEqual(['@org']);
    expect(terms('ایسوسی ایشن')).toEqual(['@org']);
  });
});

describe('Urdu noun forms', () => {
  it('reads an oblique or plural in -ے as its noun in -ہ (عملے → عملہ)', () => {
    expect(terms('اپنے عملے کو')).toEqual(terms('عملہ'));
  });
});

describe('round six (issue 14)', () => {
  it('reads req, chk, tlk and wnt as request, check, talk and want', () => {
    expect(terms('chk status of my req plz')).toEqual(terms('check status of my request please'));
    expect(terms('can i tlk in urdu')).toEqual(terms('can i talk in urdu'));
  });

  it('matches an Urdu-script phrase spelt with an extra vowel letter or ب for پ', () => {
    expect(terms('وائیٹ لسٹنگ')).toEqual(['@wl']);
    expect(terms('ورکنگ گروب')).toEqual(['@wg']);
  });

  it('drops courtesy, wanting to know, "after all" and "people like us"', () => {
    expect(terms('براہ کرم رہنمائی فرمائیں')).toEqual([]);
    expect(terms('صرف یہ جاننا ہے')).toEqual([]);
    expect(terms('یہ وائٹ لسٹنگ آخر ہوتی کیا ہے')).toEqual(terms('یہ وائٹ لسٹنگ ہوتی کیا ہے'));
    expect(terms('ہم جیسے لوگوں')).toEqual(['@mine']);
  });

  it('drops a formal letter\'s opening, close and "please inform" (round twenty-one)', () => {
    expect(terms('بخدمت جناب عالی')).toEqual([]);
    expect(terms('مطلع فرمائیں')).toEqual([]);
    expect(terms('آگاہ کر دیں')).toEqual([]);
    expect(terms('جواب کا منتظر')).not.toContain('@approval');
    expect(terms('Aap ka mukhlis')).toEqual([]);
  });

  it('reads "lagte hain" as needing, and a fixed time or timeline as time, not a change', () => {
    expect(terms('kya kaghzat lagte hain')).toContain('@need');
    expect(terms('is there a fixed time')).toEqual(['@time']);
    expect(terms('koi fixed timeline')).toEqual(['@time']);
  });
});

describe('Urdu demonstratives of manner (round twenty-two)', () => {
  it('drops ویسے (that way, anyway) as it drops ایسے and جیسے, not a typo of کیسے', () => {
    expect(terms('ویسے وائٹ لسٹنگ ہے کیا')).toEqual(terms('وائٹ لسٹنگ ہے کیا'));
    expect(terms('ویسے ہی')).toEqual([]);
  });
});

describe('Urdu inflections (round twenty-two)', () => {
  // An analyser built with a vocabulary, as the engine's is: only such an analyser reads a message's word as a form of another.
  const withVocabulary = new Analyzer([
    { term: 'درخواست', phon: 'درخواست' },
    { term: 'حکومتی', phon: 'حکومتی' },
  ]);
  const read = (text: string): string[] => withVocabulary.analyze(text).map((t) => t.term);

  it('reads a plural, oblique or adjective form of a listed word as that word', () => {
    expect(read('شہروں')).toEqual(['@city']);
    expect(read('ایجنٹوں')).toEqual(['@agent']);
    expect(read('کاروباری')).toEqual(['@company']);
  });

  it('reads a verb form of a function word as a function word: the subjunctive جانوں as جاننا', () => {
    expect(read('اسٹیٹس کیسے جانوں')).toEqual(read('اسٹیٹس کیسے جاننا'));
    expect(read('جانوں')).toEqual([]);
  });

  it('keeps an inflected form whole rather than cut it into two known pieces: بھیجی (sent) is not بھی + جی', () => {
    expect(read('بھیجی')).toEqual(['@submit']);
    expect(read('ٹیم کو اپنا مسئلہ سمجھانا ہے')).not.toContain('@language');
  });

  it('reads a word of the example questions as written', () => {
    expect(read('حکومتی')).toEqual(['حکومتی']);
  });

  it("leaves the KB's own questions as written (no vocabulary: the analyser that indexes them)", () => {
    expect(terms('جانوں')).toEqual(['جانون']);
  });
});

describe('coming to know (round twenty-three)', () => {
  it('reads coming to know where a request stands as asking its status, as "find out the status" is', () => {
    expect(terms('عرضی کی پوزیشن کیسے پتہ چلے گی')).toContain('@status');
    expect(terms('عرضی کی پوزیشن کیسے پتہ چلے گی')).not.toContain('@notify');
    expect(terms('application ki position ka pata chal sakta hai')).not.toContain('@notify');
  });

  it('reads coming to know with no status named as hearing back', () => {
    expect(terms('منظوری ملنے پر کیسے پتا چلے گا')).toContain('@notify');
    expect(terms('منظوری ملنے پر کیسے پتا چلے گا')).not.toContain('@status');
  });

  it('never leaves the coming-to-know concept itself in the tokens', () => {
    const read = (concepts: string[]): string[] => withImpliedConcepts(concepts.map((term) => ({ term, phon: term }))).map((t) => t.term);
    expect(read(['@findout'])).toEqual(['@notify']);
    expect(read(['@findout', '@status'])).toEqual(['@status']);
    expect(read(['@findout', '@approval'])).toEqual(['@approval', '@notify']);
  });
});

describe('being at a loss (round twenty-three)', () => {
  it.each([['مجھے سمجھ نہیں آ رہا'], ['کچھ سمجھ نہیں آتا'], ['samajh nahi aaya'], ['mujhe kuch samajh nahin aata']])(
    'drops "understanding does not come" as the writer\'s state, not a question about language: %s',
    (text) => {
      expect(terms(text)).toEqual([]);
    },
  );

  it('keeps understanding as a language question when nothing says the writer is at a loss', () => {
    expect(terms('کیا بوٹ اردو سمجھتا ہے')).toContain('@language');
    expect(terms('bot meri baat samajh nahi raha')).toContain('@language');
  });
});

describe('"at this time" (round twenty-four)', () => {
  it.each([['kya abhi is waqt office khul sakta hai'], ['iss waqt kaun sa form chalega'], ['کیا اس وقت دفتر کھل سکتا ہے']])(
    'reads "is waqt / اس وقت" as now, not as a question about time: %s',
    (text) => {
      expect(terms(text)).not.toContain('@time');
    },
  );

  it('keeps a question about time, and "kis waqt" (at what time)', () => {
    expect(terms('is kaam mein kitna waqt lagega')).toContain('@time');
    expect(terms('کتنا وقت لگے گا')).toContain('@time');
  });
});
