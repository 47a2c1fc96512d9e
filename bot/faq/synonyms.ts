/**
 * Domain vocabulary. Each concept collects the ways people name one idea in English, Roman Urdu and
 * Urdu script; the analyser replaces any of them (phrases first, longest first) with the concept id,
 * so "ghar se kaam", "WFH" and "گھر سے کام" index and match as the same token. Spellings are
 * written naturally here; the analyser folds them with the same keys it applies to queries.
 */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  '@pseb': ['pseb', 'p s e b', 'pakistan software export board', 'software export board', 'export board', 'پی ایس ای بی', 'پیسب', 'پاکستان سافٹ ویئر ایکسپورٹ بورڈ', 'سافٹ ویئر ایکسپورٹ بورڈ', 'سافٹ ویر ایکسپورٹ بورڈ', 'ایکسپورٹ بورڈ'],
  '@covid': ['covid', 'covid19', 'covid 19', 'corona', 'coronavirus', 'corona virus', 'pandemic', 'epidemic', 'virus', 'waba', 'wabaa', 'کورونا', 'کرونا', 'کووڈ', 'کوویڈ', 'کورونا وائرس', 'وبا', 'وائرس'],
  '@lockdown': ['lockdown', 'lock down', 'curfew', 'لاک ڈاؤن', 'لاک ڈاون', 'لاکڈاؤن', 'بندش'],
  '@helpline': ['helpline', 'help line', 'hotline', 'hot line', 'toll free', 'tollfree', '0800', '03030', '080003030', 'ہیلپ لائن', 'ہیلپلائن', 'ہاٹ لائن', 'ٹال فری'],
  '@phone': ['fone', 'phn', 'phone', 'telephone', 'number', 'numbr', 'dial', 'ring', 'call', 'calls', 'calling', 'فون', 'نمبر', 'کال', 'کالز', 'ڈائل'],
  '@callcentre': ['call centre', 'call center', 'call centres', 'call centers', 'callcenter', 'callcentre', 'call centr', 'bpo', 'bpos', 'business process outsourcing', 'کال سینٹر', 'کال سنٹر', 'کال سینٹرز', 'کال سینٹروں', 'بی پی او'],
  '@wg': ['working group', 'work group', 'workgroup', 'group', 'committee', 'ورکنگ گروپ', 'گروپ', 'کمیٹی'],
  '@member': ['member', 'members', 'membership', 'part', 'include', 'included', 'includes', 'consist', 'consists', 'comprise', 'comprises', 'represented', 'shamil', 'hissa', 'mushtamil', 'arkan', 'arkaan', 'rukn', 'ممبر', 'ممبرز', 'ممبران', 'رکن', 'اراکین', 'ارکان', 'شامل', 'حصہ', 'مشتمل'],
  /** The working group's member bodies: named apart from @member so "PTA mobile registration" is not a working-group word pair. */
  '@wgbody': ['telecom', 'telecommunication', 'telecommunications', 'regulator', 'telecom authority', 'pakistan telecommunication authority', 'software houses association', 'ٹیلی کام', 'ٹیلی کمیونیکیشن', 'ریگولیٹر', 'pta', 'pasha', 'p@sha', 'moitt', 'پی ٹی اے', 'پاشا'],
  '@org': ['organisation', 'organisations', 'organization', 'organizations', 'body', 'bodies', 'department', 'departments', 'institution', 'institutions', 'idara', 'idare', 'idaron', 'ادارہ', 'ادارے', 'اداروں'],
  /** "kaun si" asks which one, not who: read as its own low-weight word so it does not pull towards people topics. */
  '@which': ['kon si', 'kaun si', 'kon se', 'kaun se', 'kon sa', 'kaun sa', 'konsi', 'konsa', 'konse', 'kaunsi', 'kaunsa', 'kaunse', 'کون سی', 'کون سے', 'کون سا', 'کونسی', 'کونسا', 'کونسے'],
  '@who': ['kis ne', 'kisne', 'کس نے', 'who', 'whom', 'kon', 'kaun', 'koun', 'کون'],
  '@purpose': ['kis liye', 'kis lye', 'kis lie', 'کس لیے', 'کس لئے', 'for what', 'issue', 'issues', 'problem', 'problems', 'masla', 'masle', 'maslay', 'masail', 'masael', 'مسئلہ', 'مسئلے', 'مسائل', 'مسلے', 'solve', 'resolve', 'handle', 'handles', 'handling', 'hal', 'حل', 'purpose', 'aim', 'goal', 'goals', 'objective', 'objectives', 'role', 'mandate', 'task', 'tasks', 'responsibility', 'responsibilities', 'responsible', 'duty', 'duties', 'function', 'maqsad', 'maksad', 'hadaf', 'zimmedari', 'zimmedariyan', 'zimedari', 'faraiz', 'farz', 'kirdar', 'مقصد', 'ہدف', 'ذمہ داری', 'ذمہ داریاں', 'ذمہ داریوں', 'ذمہ دار', 'فرائض', 'کردار', 'مینڈیٹ'],
  '@meaning': ['stand for', 'stands for', 'full form', 'pura naam', 'poora naam', 'پورا نام', 'taaruf', 'taruf', 'تعارف', 'introduction', 'intro', 'kise kehte', 'kisay kehte', 'کسے کہتے', 'tell me about', 'bare mein', 'bare me', 'baare mein', 'bare main', 'کے بارے میں', 'بارے میں', 'mean', 'means', 'meaning', 'matlab', 'murad', 'explain', 'explanation', 'define', 'definition', 'wazahat', 'samjha', 'samjhao', 'مطلب', 'مراد', 'وضاحت', 'تعریف'],
  '@wl': ['whitelist', 'whitelisting', 'whitelisted', 'white list', 'white listing', 'white listed', 'allowlist', 'allow list', 'وائٹ لسٹ', 'وائٹ لسٹنگ', 'وائٹ لسٹڈ', 'وائٹلسٹ', 'وائٹلسٹنگ'],
  '@apply': ['start', 'begin', 'shuru', 'شروع', 'apply', 'applying', 'applied', 'application', 'applications', 'request', 'requests', 'requested', 'darkhwast', 'darkhast', 'darkhawast', 'darkhaast', 'darkhuast', 'درخواست', 'درخواستیں', 'درخواستوں', 'اپلائی', 'ایپلیکیشن', 'اپلیکیشن', 'ایپلی کیشن', 'ریکویسٹ'],
  '@submit': ['bhej', 'bhejna', 'bhejun', 'bhejon', 'send', 'بھیج', 'بھیجنا', 'بھیجوں', 'submit', 'submitted', 'submitting', 'submission', 'file', 'filed', 'filing', 'jama', 'جمع'],
  '@register': ['register', 'registration', 'registered', 'registeration', 'رجسٹریشن', 'رجسٹر'],
  '@form': ['form', 'forms', 'فارم'],
  '@info': ['asked', 'mangi', 'mangte', 'mangta', 'mange', 'مانگی', 'مانگتے', 'مانگے', 'مانگتا', 'data', 'ڈیٹا', 'ask for', 'asks for', 'poocha', 'pucha', 'puchha', 'پوچھا', 'پوچھتا', 'پوچھے', 'information', 'info', 'detail', 'details', 'document', 'documents', 'docs', 'paperwork', 'papers', 'field', 'fields', 'maloomat', 'malumat', 'maalumat', 'maaloomat', 'tafseel', 'tafseelat', 'tafsilat', 'kaghzat', 'kaghazat', 'dastavezat', 'معلومات', 'تفصیل', 'تفصیلات', 'کاغذات', 'دستاویزات', 'ڈیٹیل', 'ڈیٹیلز', 'خانے', 'خانہ'],
  '@need': ['checklist', 'need', 'needed', 'needs', 'require', 'required', 'requires', 'requirement', 'requirements', 'necessary', 'mandatory', 'must', 'compulsory', 'prerequisite', 'prerequisites', 'prepare', 'chahiye', 'chahiyen', 'chahye', 'chaiye', 'chahie', 'zaroori', 'zaruri', 'zarori', 'zaroorat', 'zarurat', 'lazmi', 'darkar', 'sharait', 'shart', 'tayyari', 'چاہیے', 'چاہئے', 'چاہییں', 'چاہئیں', 'ضروری', 'ضرورت', 'لازمی', 'درکار', 'شرائط', 'شرط', 'تیاری'],
  '@wfh': ['house', 'houses', 'ghr', 'wfh', 'work from home', 'working from home', 'work at home', 'work from their homes', 'remote', 'remotely', 'telework', 'ghar se kaam', 'ghar se kam', 'ghar baith kar', 'ghar baithe', 'ghar', 'home', 'homes', 'گھر سے کام', 'گھر بیٹھے', 'گھر بیٹھ کر', 'گھر', 'ورک فرام ہوم', 'ڈبلیو ایف ایچ'],
  '@agent': ['agent', 'agents', 'staff', 'employee', 'employees', 'worker', 'workers', 'personnel', 'mulazim', 'mulazmeen', 'mulazimeen', 'mulazmin', 'amla', 'ایجنٹ', 'ایجنٹس', 'ایجنٹوں', 'ملازم', 'ملازمین', 'عملہ', 'اسٹاف', 'سٹاف', 'کارکن', 'کارکنان'],
  '@permission': ['permission', 'permit', 'permitted', 'allow', 'allowed', 'allowing', 'ijazat', 'ijaazat', 'izazat', 'اجازت'],
  '@approval': ['approval', 'approve', 'approved', 'approving', 'accept', 'accepted', 'decision', 'decided', 'manzoori', 'manzuri', 'manzoor', 'faisla', 'faisle', 'faisley', 'منظوری', 'منظور', 'فیصلہ', 'فیصلے'],
  '@time': ['time', 'long', 'duration', 'day', 'days', 'week', 'weeks', 'soon', 'quickly', 'quick', 'period', 'maximum', 'jaldi', 'waqt', 'din', 'dinon', 'muddat', 'arsa', 'lagega', 'lagta', 'lagti', 'lagte', 'lage', 'lagay', 'وقت', 'ٹائم', 'دن', 'دنوں', 'مدت', 'عرصہ', 'جلدی', 'لگتا', 'لگتے', 'لگتی', 'لگے'],
  '@hours': ['hours', 'hour', '24', '247', '24x7', 'ghante', 'ghantay', 'گھنٹے'],
  '@howmuch': ['how much', 'how many', 'kitna', 'kitne', 'kitni', 'کتنا', 'کتنے', 'کتنی'],
  '@when': ['when', 'kab', 'کب'],
  '@how': ['how', 'kaise', 'kese', 'kaisay', 'kesay', 'kaisy', 'kis tarah', 'کیسے', 'کس طرح'],
  '@where': ['where', 'kahan', 'kidhar', 'کہاں', 'کدھر'],
  '@why': ['why', 'kyun', 'kyon', 'kiun', 'kyu', 'کیوں'],
  '@status': ['status', 'track', 'tracking', 'progress', 'position', 'pending', 'check', 'kahan tak', 'kya bana', 'kya hua', 'کیا ہوا', 'surat e haal', 'suratehaal', 'اسٹیٹس', 'سٹیٹس', 'صورتحال', 'صورت حال', 'زیر غور', 'کہاں تک', 'کیا بنا', 'پوزیشن', 'ٹریک', 'چیک'],
  '@ref': ['reference', 'ref', 'ریفرنس', 'حوالہ'],
  '@change': ['nikalna', 'nikalni', 'nikalo', 'نکالنا', 'نکالنی', 'change', 'changes', 'changed', 'edit', 'editing', 'modify', 'modification', 'correct', 'correction', 'fix', 'mistake', 'wrong', 'error', 'amend', 'remove', 'tabdeel', 'tabdeeli', 'tabdili', 'badal', 'badalna', 'badlun', 'badlna', 'tarmeem', 'theek', 'thik', 'ghalti', 'galti', 'ghalat', 'galat', 'nikal', 'تبدیلی', 'تبدیل', 'بدل', 'بدلنا', 'بدلوں', 'ترمیم', 'ٹھیک', 'درست', 'غلطی', 'غلط', 'ردوبدل', 'نکال'],
  '@cancel': ['cancel', 'cancellation', 'withdraw', 'delete', 'revoke', 'mansookh', 'mansukh', 'wapas', 'منسوخ', 'منسوخی', 'کینسل', 'واپس'],
  '@human': ['afsar', 'افسر', 'افسران', 'human', 'person', 'someone', 'somebody', 'real person', 'representative', 'representatives', 'operator', 'officer', 'live agent', 'customer support', 'customer service', 'insaan', 'insan', 'insani', 'banda', 'banday', 'bande', 'aadmi', 'admi', 'shakhs', 'fard', 'فرد', 'numainda', 'numainday', 'numainde', 'انسان', 'انسانی', 'بندہ', 'بندے', 'آدمی', 'شخص', 'نمائندہ', 'نمائندے', 'نمائندوں', 'کسٹمر سپورٹ'],
  '@talk': ['handover', 'hand me over', 'talk', 'speak', 'chat', 'chatting', 'converse', 'connect', 'transfer', 'hand over', 'baat', 'guftagu', 'mila', 'milwa', 'بات', 'گفتگو', 'چیٹ', 'ملا', 'ملوا'],
  '@contact': ['contact', 'contacting', 'reach', 'get in touch', 'touch', 'message', 'skype', 'email', 'rabta', 'raabta', 'rabte', 'رابطہ', 'رابطے', 'پیغام', 'اسکائپ', 'سکائپ', 'ای میل'],
  '@team': ['dedicated', 'specific', 'khas', 'khaas', 'makhsoos', 'خاص', 'مخصوص', 'team', 'teams', 'ٹیم', 'ٹیمز', 'ٹیموں'],
  '@urdu': ['urdu', 'roman urdu', 'اردو', 'رومن اردو', 'رومن'],
  '@english': ['english', 'angrezi', 'angraizi', 'انگریزی', 'انگلش'],
  '@language': ['understand', 'understands', 'samajh', 'samajhte', 'samajhta', 'samajhti', 'سمجھ', 'سمجھتے', 'سمجھتا', 'سمجھتی', 'bolte', 'bolta', 'bol', 'بولتے', 'بولتا', 'script', 'language', 'languages', 'lang', 'switch', 'zaban', 'zuban', 'zabaan', 'zubanen', 'zabanen', 'زبان', 'زبانیں', 'زبانوں'],
  '@data': ['policy', 'پالیسی', 'private', 'privacy', 'confidential', 'پرائیویسی', 'نجی'],
  '@write': ['write', 'written', 'fill', 'filled', 'enter', 'entered', 'type', 'likh', 'likhna', 'likhni', 'likhne', 'likhen', 'likhun', 'bharna', 'bharni', 'لکھ', 'لکھنا', 'لکھنی', 'لکھنے', 'لکھیں', 'لکھوں', 'بھرنا', 'بھرنی'],
  '@cnic': ['cnic', 'nic', 'id card', 'identity card', 'shanakhti card', 'shanakhti', 'شناختی کارڈ', 'شناختی', 'آئی ڈی کارڈ'],
  '@safe': ['hifazat', 'hifaazat', 'hefazat', 'safe', 'secure', 'security', 'protected', 'mehfooz', 'mahfooz', 'محفوظ', 'حفاظت'],
  '@share': ['nazar', 'نظر', 'share', 'shared', 'sharing', 'visible', 'access', 'see', 'dekh', 'dekhe', 'dekhta', 'dekhti', 'dikhaya', 'dikhaye', 'dikhai', 'شیئر', 'دیکھ', 'دیکھے', 'دکھایا', 'دکھائے', 'دکھائی'],
  '@mine': ['my', 'mine', 'our', 'mera', 'meri', 'mere', 'hamara', 'hamari', 'hamare', 'میرا', 'میری', 'میرے', 'ہمارا', 'ہماری', 'ہمارے'],
  '@people': ['people', 'log', 'logon', 'لوگ', 'لوگوں'],
  '@use': ['chalegi', 'chalega', 'chal', 'chalti', 'chalta', 'چلے گی', 'چلے گا', 'چلتی', 'use', 'used', 'usage', 'istemal', 'istemaal', 'استعمال'],
  '@it': ['@it', 'information technology', 'tech', 'technology', 'software', 'software house', 'software houses', 'آئی ٹی', 'ٹیک', 'سافٹ ویئر', 'سافٹویئر', 'سافٹ ویر', 'سافٹ ویئر ہاؤس', 'سافٹ ویئر ہاؤسز'],
  '@industry': ['exporter', 'exporters', 'export', 'بر آمد کنندگان', 'industry', 'industries', 'sector', 'sectors', 'shoba', 'shobe', 'shobon', 'sanat', 'انڈسٹری', 'صنعت', 'صنعتوں', 'سیکٹر', 'شعبہ', 'شعبے', 'شعبوں'],
  '@company': ['company', 'companies', 'business', 'businesses', 'firm', 'firms', 'startup', 'startups', 'karobar', 'کمپنی', 'کمپنیاں', 'کمپنیوں', 'کاروبار', 'فرم', 'اسٹارٹ اپ', 'اسٹارٹ اپس'],
  '@size': ['small', 'smaller', 'little', 'big', 'large', 'chhota', 'chhoti', 'chhote', 'chota', 'choti', 'chote', 'bada', 'bade', 'bare', 'sme', 'smes', 'چھوٹی', 'چھوٹے', 'چھوٹا', 'بڑے', 'بڑی', 'بڑا'],
  '@freelancer': ['alone', 'solo', 'self employed', 'akela', 'akeli', 'akele', 'اکیلا', 'اکیلے', 'اکیلی', 'انفرادی طور', 'freelancer', 'freelancers', 'freelance', 'freelancing', 'independent', 'individual', 'فری لانسر', 'فری لانسرز', 'فری لانسنگ', 'انفرادی'],
  '@benefit': ['cover', 'covers', 'benefit', 'benefits', 'advantage', 'avail', 'eligible', 'eligibility', 'qualify', 'qualifies', 'covered', 'faida', 'fayda', 'faidah', 'ahal', 'ahl', 'فائدہ', 'فائدے', 'اہل', 'اہلیت'],
  '@help': ['help', 'support', 'assist', 'assistance', 'relief', 'facilitate', 'facilitation', 'facility', 'madad', 'sahulat', 'suhulat', 'مدد', 'سپورٹ', 'سہولت', 'معاونت', 'ریلیف'],
  '@measures': ['measures', 'measure', 'steps', 'step', 'action', 'actions', 'iqdamat', 'اقدامات'],
  '@ministry': ['ministry', 'minister', 'secretary', 'government', 'govt', 'federal', 'sarkari', 'hukumat', 'wazarat', 'وزارت', 'حکومت', 'سیکرٹری', 'سرکاری', 'وفاقی'],
  '@process': ['process', 'procedure', 'method', 'way', 'karna hoga', 'karna parega', 'karna padega', 'کرنا ہوگا', 'کرنا پڑے گا', 'tareeqa', 'tariqa', 'tarika', 'tareeka', 'tareqa', 'طریقہ', 'طریقہ کار'],
  '@after': ['later', 'baad mein', 'بعد میں', 'after', 'next', 'afterwards', 'baad', 'agla', 'agle', 'بعد', 'اگلا', 'اگلے'],
  '@notify': ['hear back', 'hear', 'response', 'notify', 'notified', 'notification', 'inform', 'informed', 'ittela', 'ittila', 'pata', 'اطلاع', 'پتہ'],
  '@review': ['processing', 'پراسیسنگ', 'review', 'reviews', 'reviewed', 'jaiza', 'جائزہ'],
  '@list': ['list', 'lists', 'paste', 'pasted', 'lines', 'many', 'multiple', 'bulk', 'فہرست', 'لسٹ', 'پیسٹ'],
  '@file': ['csv', 'upload', 'attach', 'attached', 'attachment', 'excel', 'spreadsheet', 'فائل', 'سی ایس وی', 'اپلوڈ', 'اٹیچ', 'منسلک'],
  '@ip': ['ip', 'ip address', 'ipv4', 'address', 'dynamic', 'static', 'isp', 'internet', 'provider', 'آئی پی', 'ایڈریس', 'ڈائنامک', 'انٹرنیٹ', 'پرووائیڈر'],
  '@ntn': ['ntn', 'tax number', 'این ٹی این'],
  '@seats': ['seat', 'seats', 'سیٹ', 'سیٹوں', 'سیٹیں'],
  '@city': ['city', 'shehar', 'shahar', 'شہر'],
  '@open': ['continue', 'operate', 'operating', 'jari', 'جاری', 'open', 'available', 'khula', 'khuli', 'khule', 'dastiyab', 'کھلی', 'کھلا', 'کھلے', 'دستیاب'],
  '@work': ['work', 'working', 'kaam', 'kam', 'کام'],
  /** Where a call centre works: named so "office" is not read as a misspelt "officer". */
  '@office': ['office', 'offices', 'premises', 'daftar', 'dafter', 'دفتر', 'دفاتر', 'آفس'],
  '@bot': ['bot', 'chatbot', 'بوٹ'],
  '@whatis': ['what is', 'what are', 'kya hai', 'kya hain', 'kya hota hai', 'kya hoti hai', 'kya cheez hai', 'kya cheez hoti hai', 'hota kya hai', 'hoti kya hai', 'کیا ہے', 'کیا ہیں', 'کیا ہوتا ہے', 'کیا ہوتی ہے', 'کیا چیز ہے', 'کیا چیز ہوتی ہے', 'ہوتا کیا ہے', 'ہوتی کیا ہے'],
};

/**
 * Concepts that name what a question is about (as opposed to what the user wants to know about it).
 * They weigh more, so "WFH details" is not answered with the whitelisting-details topic.
 */
export const SUBJECT_CONCEPTS: ReadonlySet<string> = new Set([
  '@pseb', '@covid', '@helpline', '@wg', '@wl', '@wfh', '@human', '@team', '@urdu', '@english', '@language', '@data', '@cnic',
  '@freelancer', '@size', '@status', '@change', '@cancel',
]);

/**
 * SMS and chat spellings → the usual spelling, applied to every word before anything else (so phrases such as
 * "kya hoti hai" still form from "kia hoti h"). Only whole words that mean one thing in chat: English
 * abbreviations (u, r, abt, wat, hw, plz) and Roman Urdu with its vowels dropped (krni, rha, kb, mri).
 */
export const SMS_SPELLINGS: Readonly<Record<string, string>> = {
  u: 'you', r: 'are', ur: 'your', abt: 'about', wat: 'what', wht: 'what', wot: 'what', hw: 'how', pls: 'please', plz: 'please',
  plzz: 'please', pl: 'please', thx: 'thanks', thnx: 'thanks', frm: 'from', wrk: 'work', wid: 'with', wd: 'with', n: 'and',
  b4: 'before', msg: 'message', ppl: 'people', tym: 'time', nd: 'and', dat: 'that', dis: 'this', d: 'the', becoz: 'because', coz: 'because',
  h: 'hai', hy: 'hai', hay: 'hai', he: 'hai', hn: 'hain', hen: 'hain', kia: 'kya', kiya: 'kya', kb: 'kab', kaha: 'kahan', kahn: 'kahan',
  kesy: 'kaise', kesay: 'kaise', kese: 'kaise', kaisay: 'kaise', kaisy: 'kaise', kasy: 'kaise', kaese: 'kaise',
  kr: 'kar', kro: 'karo', krna: 'karna', krni: 'karni', krne: 'karne', krta: 'karta', krte: 'karte', krti: 'karti', krein: 'karein', kren: 'karen',
  rha: 'raha', rhi: 'rahi', rhe: 'rahe', mri: 'meri', mra: 'mera', mre: 'mere', mjhe: 'mujhe', mujy: 'mujhe', hmari: 'hamari', hmara: 'hamara', hmare: 'hamare',
  bta: 'bata', btao: 'batao', btayen: 'batayen', btaen: 'batayen', btain: 'batayen', btaye: 'batayen', btaein: 'batayen', btadein: 'batadein',
  skta: 'sakta', skti: 'sakti', skte: 'sakte', sktay: 'sakte', chahye: 'chahiye', chaiye: 'chahiye', chahie: 'chahiye', chye: 'chahiye', chahiay: 'chahiye',
  q: 'kyun', ghr: 'ghar', kam: 'kaam', krwana: 'karwana', krwani: 'karwani', me: 'mein', mn: 'mein',
  k: 'ke', ky: 'ke', sy: 'se', nhi: 'nahi', nai: 'nahi', ni: 'nahi', b: 'bhi', bi: 'bhi',
};

/**
 * Concepts that say what kind of question it is, or whose it is, but not what it is about: a part of a
 * message that matches a topic only on these ("kaise hain aap?", "how are you?") is no evidence for it.
 */
export const FUNCTION_CONCEPTS: ReadonlySet<string> = new Set([
  '@how', '@where', '@when', '@why', '@who', '@which', '@whatis', '@howmuch', '@mine', '@people', '@time', '@work', '@after',
]);

/** English words that carry no topic: dropped before matching. */
export const EN_STOPWORDS: ReadonlySet<string> = new Set(
  ('a an the is are was were be been being am i im me my mine we our ours us you your yours it its this that these those ' +
    'there here to of in on at for from with by about as and or but if so do does did doing done can could would should will keep keeping instead ' +
    'shall may might please tell know want wanna get got give let like just also any some what whats which one thing things ' +
    'have has had hi hello dear sir madam kindly yes no not okay ok they them their he she him her s t don doesn isn aren ' +
    'up out into more than very too then now still yet own each every other others own go going make made take see find able ' +
    'regarding about ask asking question questions anyone anybody possible option options there\'s exactly really actually something anything everything somewhere ' +
    'r u ur guys hey hii hlo thanks thank thx bro wanted wondering wonder curious guide inform plz pls kindly taking getting trying run running through via because due under 2 4 tel wht wat wot abt cant wont dont didnt come coming').split(/\s+/),
);

/** Roman Urdu function words (spelling variants listed, since these short words collide phonetically with English). */
export const ROMAN_STOPWORDS: ReadonlySet<string> = new Set(
  ('kya kia kiya kyaa hai hay hy he hain hein hen hn ka ki ke ky kay ko se say sy mein main me mai men mn par pe pr aur or bhi bi ' +
    'ye yeh yah wo woh vo is us in un ho hota hoti hote hoga hogi hongi honge hona hoi hui hua hue huwa kar kr karna karni karne ' +
    'karta karti karte karun karoon karu karein karen krain karain karo kare kiye gaye gaya gayi gai ja jata jati jate jaye ' +
    'jayega jayegi jaega raha rahi rahe reh sakta sakti sakte sakun sake skte skta skti mujhe mujhay mjhe mera meri mere mery ' +
    'apna apni apne hum ham hamara hamari hamare hamen hamein aap ap apka apki apke tum tumhara koi kuch kch sirf bas liye lie liey ' +
    'lye to toh na nahi nahin nai ni ji jee bata batao batayen batayein batain batayin bataen dein do de dena deni dene dijiye ' +
    'lena leni lene lun lein le mil milega milegi milay mile milta milti chahta chahti chahte wala wali wale walon waloon yahan ' +
    'iske iska iski uske uska uski inke inka inki unke unka unki isko usko inko unko isse usse ' +
    'rakh rakhna rakhni rakhne rakhen rakhein rakhta rakhte rakhti bajaye bajae bajay ' +
    'humne hamne maine mainey mainay tumne aapne apne unhon unhone unhon ne usne isne aam taur tor keh kehta kehte ' +
    'wahan ab abhi kis kin jo jis jab agar ek aik sab har cheez cheezein chez plz pls bhai salam assalam aoa janab shukriya hun hoon hu ' +
    'hy haan han acha achha theek hai k sa si diya di diye gya gyi bana bani banaya banai banane dun doon lun loon jaun paun karwana ' +
    'karwani karwane karwa karwao karwaun karwayen karwain karao karaya karana karani karai karwai karwaya karwaye deta deti dete leta leti lete ' +
    'bataiye bataiyen bataye batayiye bataen bataein batadein bata do batado janab jnab zara zra den dun ne nay asal asl darasal dar wajah waja sabab tehat kisi kise kisko paas o alaikum alaikam alaykum alikum walaikum assalamualaikum aoa salaam sawal sawaal suwal ha walo wale waley tak dega degi denge doge aa aana aate aata aati scene aaye aayega aaega ga gi ge sir madam please').split(/\s+/),
);

/** Urdu-script function words, written naturally; the analyser folds them like queries. */
export const UR_STOPWORDS_RAW: readonly string[] = (
  'رکھ رکھنا رکھنی رکھنے رکھیں رکھتا رکھتے بجائے بجاے ' +
  'کیا ہے ہیں ہوں ہو ہوا ہوئی ہوئے ہوتا ہوتی ہوتے ہوگا ہوگی ہوں گی ہونگی ہوں گے ہونا ہونے ہونی اسکے اسکی اسکا انکے انکی عام طور ' +
  'کا کی کے کو سے میں پر اور بھی یہ وہ اس ان ' +
  'کر کرنا کرنی کرنے کرتا کرتی کرتے کروں کریں کرو کرے کیے گیا گئی گئے جا جاتا جاتی جاتے جائے جائیں رہا رہی رہے سکتا سکتی سکتے سکوں سکیں ' +
  'مجھے میرا میری میرے اپنا اپنی اپنے ہم ہمارا ہماری ہمارے ہمیں آپ تم کوئی کچھ صرف لیے لئے کیلئے کیلیے تک تو نہ نہیں جی بتائیں ' +
  'بتا بتاؤ بتا دیں دیں دے دو دینا دینی دینے دیجیے لوں لیں لے لینا ملے ملے گا ملے گی ملتا ملتی مل گا گی گے والا والی والے یہاں ' +
  'وہاں اب ابھی کس کن جو جس جب اگر ایک سب ہر چیز براہ مہربانی شکریہ ہاں اچھا دیا دی دیے بنا بنی بنایا بنائی ' +
  'دوں لوں جاؤں پاؤں کروا کروانا کروانی کروائیں کرواؤں کرائیں کرانا کرانی کرایا کروں کرائی کرائے کروائی کروائے کروایا ' +
  'ہوئیں دیتا دیتی دیتے لیتا لیتی لیتے سا نے آ آنا آتے آتا آتی السلام علیکم سلام سوال وجہ سبب تحت کسی کسے پاس دراصل اصل میں جناب ذرا کہ سر پلیز بتائیے بتایئے بتادیں آئے گا آئے'
).split(/\s+/);
