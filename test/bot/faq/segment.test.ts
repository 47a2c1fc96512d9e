import { clauses, messageParts, NEED_TO_DO, POINTS_BACK, REQUEST_FORMS } from '../../../bot/faq/segment';

describe('clauses', () => {
  it('cuts sentences at . ! ? and Urdu ۔ ؟, and clauses at commas, dropping pieces without letters', () => {
    expect(clauses('AoA sir, hamara office Lahore mein hai. Request kahan deni hai? Shukriya')).toEqual([
      ['AoA sir', 'hamara office Lahore mein hai'],
      ['Request kahan deni hai'],
      ['Shukriya'],
    ]);
    expect(clauses('السلام علیکم، ہمارا کال سینٹر کراچی میں ہے۔ اجازت کیسے ملے گی؟')).toEqual([
      ['السلام علیکم', 'ہمارا کال سینٹر کراچی میں ہے'],
      ['اجازت کیسے ملے گی'],
    ]);
  });

  it("cuts a Roman Urdu clause before the 'ke' that frames a question, only when what follows asks in words", () => {
    expect(clauses('Salam, mera sawal ye hai ke kya whitelisting ki request isi chat mein ho jati hai?')).toEqual([
      ['Salam', 'mera sawal ye hai', 'ke kya whitelisting ki request isi chat mein ho jati hai'],
    ]);
    expect(clauses('Pehle ye bata dein ke PSEB kya idara hai?')).toEqual([['Pehle ye bata dein', 'ke PSEB kya idara hai']]);
    // The genitive after a noun is no frame, and a frame whose rest asks nothing in words is the question itself.
    expect(clauses('hamari WFH request ke agents kitne hain?')).toEqual([['hamari WFH request ke agents kitne hain']]);
    expect(clauses('Koi aisa tareeqa hai ke PSEB ki madad se visa mil jaye?')).toEqual([
      ['Koi aisa tareeqa hai ke PSEB ki madad se visa mil jaye'],
    ]);
  });

  it('cuts a clause at a colon that introduces the question, not inside a time', () => {
    expect(clauses('Before I call them I need one thing clear: what does PSEB do?')).toEqual([
      ['Before I call them I need one thing clear', 'what does PSEB do'],
    ]);
    expect(clauses('Is the helpline open at 10:30 at night?')).toEqual([['Is the helpline open at 10:30 at night']]);
  });

  it('keeps the helpline number and P@SHA whole', () => {
    expect(clauses('Is P@SHA in it? Call 0800 03030.')).toEqual([['Is P@SHA in it'], ['Call 0800 03030']]);
  });
});

describe('the Urdu-script complementiser', () => {
  it('cuts an Urdu clause before the کہ that frames a question after ہے / ہیں / ہوں or a request, when what follows asks', () => {
    expect(clauses('ہمارے مدیر کے لیے بتائیں کہ ورکنگ گروپ کا مقصد کیا ہے؟')).toEqual([
      ['ہمارے مدیر کے لیے بتائیں', 'کہ ورکنگ گروپ کا مقصد کیا ہے'],
    ]);
    expect(clauses('میں جاننا چاہتا ہوں کہ وائٹ لسٹنگ کیا ہے')).toEqual([['میں جاننا چاہتا ہوں', 'کہ وائٹ لسٹنگ کیا ہے']]);
    expect(clauses('انہوں نے کہا ہے کہ دفتر بند رہے گا')).toEqual([['انہوں نے کہا ہے کہ دفتر بند رہے گا']]);
  });

  it('marks the frame of a cut question, so it is not read as a question of its own', () => {
    const parts = messageParts('شروع کرنے سے پہلے بتائیں کہ ہر ایجنٹ کی کون سی معلومات لازمی ہیں؟ شکریہ');
    expect(parts.frames).toEqual([true, false, false]);
  });
});

describe('indirect questions (round twenty-four)', () => {
  it('cuts a clause before the "ke / کہ" after a verb of asking or coming to know, and marks what follows as asked', () => {
    const roman = messageParts(
      'Hamara daftar Gujranwala mein hai. Main ye jaanna chahta tha ke freelancers bhi register ho sakte hain ya nahi',
    );
    expect(roman.clauses).toEqual([
      'Hamara daftar Gujranwala mein hai',
      'Main ye jaanna chahta tha',
      'ke freelancers bhi register ho sakte hain ya nahi',
    ]);
    expect(roman.frames).toEqual([false, true, false]);
    expect(roman.asked).toEqual([false, false, true]);
    expect(clauses('mujhe ye poochna tha ke naye agents list mein aa jayenge')).toEqual([
      ['mujhe ye poochna tha', 'ke naye agents list mein aa jayenge'],
    ]);
    expect(clauses('ek baat clear karni thi ke form dobara bharna hoga')).toEqual([
      ['ek baat clear karni thi', 'ke form dobara bharna hoga'],
    ]);
    expect(clauses('pehle ye maloom karun ke office khula rakh sakte hain')).toEqual([
      ['pehle ye maloom karun', 'ke office khula rakh sakte hain'],
    ]);
    const urdu = messageParts('ہم گوجرانوالہ میں ہیں۔ مجھے یہ جاننا تھا کہ فری لانسر بھی شامل ہو سکتے ہیں یا نہیں');
    expect(urdu.clauses).toEqual(['ہم گوجرانوالہ میں ہیں', 'مجھے یہ جاننا تھا', 'کہ فری لانسر بھی شامل ہو سکتے ہیں یا نہیں']);
    expect(urdu.asked).toEqual([false, false, true]);
  });

  it("leaves a reported question and a statement of what is known as they were: another's asking is not the writer's", () => {
    expect(clauses('client ne poocha ke agents ghar se kaam karenge')).toEqual([['client ne poocha ke agents ghar se kaam karenge']]);
    expect(clauses('mujhe maloom tha ke daftar band hoga')).toEqual([['mujhe maloom tha ke daftar band hoga']]);
    const said = messageParts('Manager pooch rahe hain ke agents ghar se kaam karenge. Shukriya');
    expect(said.asked).toEqual([false, false]);
  });
});

describe('messageParts', () => {
  it('has no parts for a one-clause message (the whole message is the question)', () => {
    expect(messageParts('How do I apply for whitelisting?').parts).toEqual([]);
  });

  it('scores each sentence of several clauses, each clause and each pair of neighbouring clauses', () => {
    const { clauses: cut, parts } = messageParts('Salam, we have 60 agents, how do we apply? Thanks');
    expect(cut).toEqual(['Salam', 'we have 60 agents', 'how do we apply', 'Thanks']);
    expect(parts).toEqual([[0, 1, 2], [0], [1], [0, 1], [2], [1, 2], [3], [2, 3]]);
  });

  it("marks the clauses of a sentence that ends with '?' and says which sentence each clause is in", () => {
    const { questionMarked, sentenceOf } = messageParts('Salam, we have 60 agents. What is PSEB exactly, sir? Thanks');
    expect(questionMarked).toEqual([false, false, true, true, false]);
    expect(sentenceOf).toEqual([0, 0, 1, 1, 2]);
  });

  it('cuts off the purpose of a question (taake / تاکہ / so that) in a message of several sentences, and marks it', () => {
    const roman = messageParts('Hamara office band hai. Whitelisting ke liye kaise apply karein taake kaam chalta rahe?');
    expect(roman.clauses).toEqual(['Hamara office band hai', 'Whitelisting ke liye kaise apply karein', 'taake kaam chalta rahe']);
    expect(roman.purposes).toEqual([false, false, true]);
    const urdu = messageParts('دفتر بند ہے۔ درخواست کیسے دیں تاکہ کام چلتا رہے؟');
    expect(urdu.clauses).toEqual(['دفتر بند ہے', 'درخواست کیسے دیں', 'تاکہ کام چلتا رہے']);
    expect(urdu.purposes).toEqual([false, false, true]);
    // "taki" is also a typed word inside another: only the word itself opens a purpose.
    expect(messageParts('Office band hai. Takiya kahan rakhein?').purposes).toEqual([false, false]);
  });

  it('keeps a one-sentence message whole with its purpose (it may be what the message is about)', () => {
    const { clauses: cut, purposes } = messageParts('Gmail mein email ko whitelist kaise karein taake spam mein na jaye?');
    expect(cut).toEqual(['Gmail mein email ko whitelist kaise karein taake spam mein na jaye']);
    expect(purposes).toEqual([false]);
  });

  it('leaves out a clause that says what is not asked (not asking / nahi pooch raha / نہیں پوچھ رہا)', () => {
    expect(messageParts('We have 20 agents. I am not asking about the fee, only whether PSEB helps us?').clauses).toEqual([
      'We have 20 agents',
      'only whether PSEB helps us',
    ]);
    expect(messageParts('Fee nahi pooch rahi, bas ye batayen PSEB kya karta hai?').clauses).toEqual(['bas ye batayen PSEB kya karta hai']);
    expect(messageParts('فیس نہیں پوچھ رہا، بس یہ بتائیں کہ پی ایس ای بی کیا کرتا ہے؟').clauses).not.toContain('فیس نہیں پوچھ رہا');
    // One clause left is still read as a part, so the whole text's ruled-out words do not decide.
    expect(messageParts('Fee nahi pooch rahi, bas ye batayen PSEB kya karta hai?').parts).toEqual([[0]]);
    // A message that only rules out is kept as written.
    expect(messageParts("I'm not asking about the fee.").clauses).toEqual(["I'm not asking about the fee"]);
  });

  it('keeps at most 24 parts, the last ones, for a very long message', () => {
    const long = Array.from({ length: 30 }, (_, i) => `clause number ${i}`).join(', ');
    const { clauses: cut, parts } = messageParts(long);
    expect(parts).toHaveLength(24);
    expect(parts.at(-1)).toEqual([cut.length - 2, cut.length - 1]);
  });
});

describe('REQUEST_FORMS', () => {
  it.each([
    ['koi insaan se baat karwao'],
    ['ab ye batayein ke request kaise bhejein'],
    ['zara samjhaiye'],
    ['آپ یہ عمل سمجھائیں'],
    ['I would be grateful if you could explain the purpose of the group'],
    ['آگے ساری بات اردو میں ہی کریں'],
    ['is bare mein rehnumai karein'],
    ['uski list bana kar mujhe de do'],
    ['وہ فہرست بھیج دو'],
  ])('reads an imperative or a polite English request as asking: %s', (clause) => {
    expect(REQUEST_FORMS.test(clause)).toBe(true);
  });

  it.each([
    ['sab kehte hain whitelist ho jao'],
    ['وہ کل دفتر آئیں گے'],
    ['ہم سب گھر جائیں گے'],
    ['hamara office Lahore mein hai'],
    ['ہم اگلے ہفتے سے گھر سے کام کریں گے'],
    ['agents ghar se kaam karen ge'],
    ['mere paas do agents hain'],
  ])('does not read movement or a statement as a request: %s', (clause) => {
    expect(REQUEST_FORMS.test(clause)).toBe(false);
  });
});

describe('NEED_TO_DO', () => {
  it.each([['mujhe insaan se baat karni hai'], ['WFH ki request dalni hai'], ['وائٹ لسٹنگ کروانی ہے'], ['ہمیں ٹیم تک پہنچنا ہے']])(
    'reads a need to do something, stated at the end of a clause, as asking: %s',
    (clause) => {
      expect(NEED_TO_DO.test(clause)).toBe(true);
    },
  );

  it.each([['hamara office Lahore mein hai'], ['baat karni hai ke nahi pata'], ['دفتر بند ہے']])(
    'does not read a statement as a need: %s',
    (clause) => {
      expect(NEED_TO_DO.test(clause)).toBe(false);
    },
  );
});

describe('POINTS_BACK', () => {
  it.each([
    ['wo ek jagah bata dein'],
    ['to bata dein kaise karna hoga'],
    ['uski mojooda surat-e-haal bata dein'],
    ['اس کی موجودہ صورتحال بتا دیں'],
    ['ان کے نام بتا دیں'],
    ['تو ذرا وضاحت کر دیں'],
  ])('reads a clause opening with a word that points back as pointing back: %s', (clause) => {
    expect(POINTS_BACK.test(clause)).toBe(true);
  });

  it.each([['is liye wazeh likh dein'], ['اس لیے یہاں پوچھ رہا ہوں'], ['kal tak bata dein'], ['آسان الفاظ میں سمجھا دیں']])(
    'does not read a reason ("is liye") or a clause naming its own subject as pointing back: %s',
    (clause) => {
      expect(POINTS_BACK.test(clause)).toBe(false);
    },
  );
});
