import {
  validateAgentSeats,
  validateCity,
  validateCnic,
  validateCompanyName,
  validateContactName,
  validateEmail,
  validateMobile,
  validateNtn,
  validateRegistrationNo,
  validateWhitelistingReference,
  type City,
  type Result,
  type Validator,
} from '../../../../bot/domain/validators';

interface Case<T> {
  name: string;
  raw: string;
  expected: Result<T>;
}

function runCases<T>(title: string, validate: Validator<T>, cases: readonly Case<T>[]): void {
  describe(title, () => {
    test.each(cases)('$name', ({ raw, expected }) => {
      expect(validate(raw)).toEqual(expected);
    });
  });
}

const longText = (n: number): string => 'a'.repeat(n);

runCases<string>('validateCompanyName', validateCompanyName, [
  {
    name: 'accepts a normal name and tidies its spaces',
    raw: '  Indus   Contact Solutions ',
    expected: { ok: true, value: 'Indus Contact Solutions' },
  },
  { name: 'accepts exactly 2 characters', raw: 'AB', expected: { ok: true, value: 'AB' } },
  { name: 'accepts exactly 120 characters', raw: longText(120), expected: { ok: true, value: longText(120) } },
  { name: 'counts Urdu letters as characters', raw: 'کمپنی', expected: { ok: true, value: 'کمپنی' } },
  { name: 'refuses a single character', raw: 'A', expected: { ok: false, error: 'companyName.tooShort' } },
  { name: 'refuses an empty answer', raw: '   ', expected: { ok: false, error: 'companyName.tooShort' } },
  { name: 'refuses 121 characters', raw: longText(121), expected: { ok: false, error: 'companyName.tooLong' } },
]);

runCases<string>('validateContactName', validateContactName, [
  { name: 'accepts an Urdu name', raw: 'عائشہ ملک', expected: { ok: true, value: 'عائشہ ملک' } },
  {
    name: 'drops invisible direction marks pasted with Urdu text',
    raw: '\u200fعائشہ ملک\u200f',
    expected: { ok: true, value: 'عائشہ ملک' },
  },
  { name: 'refuses one letter', raw: 'A', expected: { ok: false, error: 'contactName.tooShort' } },
  { name: 'refuses 81 characters', raw: longText(81), expected: { ok: false, error: 'contactName.tooLong' } },
  {
    name: 'refuses an NTN typed as the name ("1234567-8": no letters)',
    raw: '1234567-8',
    expected: { ok: false, error: 'contactName.noLetters' },
  },
  { name: 'refuses punctuation and digits only', raw: '--- 42 ---', expected: { ok: false, error: 'contactName.noLetters' } },
]);

runCases<string | null>('validateRegistrationNo', validateRegistrationNo, [
  { name: 'treats "skip" as no number', raw: 'Skip', expected: { ok: true, value: null } },
  { name: 'treats Roman Urdu "chhor do" as no number', raw: 'chhor do', expected: { ok: true, value: null } },
  { name: 'treats Urdu "چھوڑیں" as no number', raw: 'چھوڑیں', expected: { ok: true, value: null } },
  { name: 'treats Urdu "نہیں" as no number', raw: 'نہیں', expected: { ok: true, value: null } },
  { name: 'treats an empty card input as no number', raw: '', expected: { ok: true, value: null } },
  { name: 'accepts letters, digits, slash and dash, upper-cased', raw: 'z-12345/2021', expected: { ok: true, value: 'Z-12345/2021' } },
  { name: 'closes up spaces around separators', raw: 'PSEB / 1234', expected: { ok: true, value: 'PSEB/1234' } },
  { name: 'reads Urdu digits', raw: 'Z-۱۲۳۴۵', expected: { ok: true, value: 'Z-12345' } },
  { name: 'refuses other punctuation', raw: 'Z#12345', expected: { ok: false, error: 'psebRegistrationNo.format' } },
  { name: 'refuses a space inside the number', raw: 'Z 12345', expected: { ok: false, error: 'psebRegistrationNo.format' } },
  { name: 'refuses 2 characters', raw: 'Z1', expected: { ok: false, error: 'psebRegistrationNo.length' } },
  { name: 'refuses 31 characters', raw: 'Z'.repeat(31), expected: { ok: false, error: 'psebRegistrationNo.length' } },
]);

runCases<string>('validateNtn', validateNtn, [
  { name: 'accepts the dashed form', raw: '1234567-8', expected: { ok: true, value: '1234567-8' } },
  { name: 'adds the dash to 8 plain digits', raw: '12345678', expected: { ok: true, value: '1234567-8' } },
  { name: 'reads Urdu digits', raw: '۱۲۳۴۵۶۷-۸', expected: { ok: true, value: '1234567-8' } },
  { name: 'accepts an en dash from a word processor', raw: '1234567–8', expected: { ok: true, value: '1234567-8' } },
  { name: 'refuses letters', raw: 'NTN1234567', expected: { ok: false, error: 'ntn.format' } },
  { name: 'refuses the dash in the wrong place', raw: '123456-78', expected: { ok: false, error: 'ntn.format' } },
  { name: 'refuses 7 digits', raw: '1234567', expected: { ok: false, error: 'ntn.length' } },
  { name: 'refuses an empty answer as too few digits', raw: '', expected: { ok: false, error: 'ntn.length' } },
  { name: 'refuses 9 digits', raw: '1234567-89', expected: { ok: false, error: 'ntn.length' } },
]);

runCases<string>('validateCnic', validateCnic, [
  { name: 'accepts the dashed form', raw: '42101-1234567-1', expected: { ok: true, value: '42101-1234567-1' } },
  { name: 'formats 13 plain digits', raw: '4210112345671', expected: { ok: true, value: '42101-1234567-1' } },
  { name: 'reads Urdu digits', raw: '۴۲۱۰۱-۱۲۳۴۵۶۷-۱', expected: { ok: true, value: '42101-1234567-1' } },
  { name: 'reads Arabic-Indic digits', raw: '٤٢١٠١١٢٣٤٥٦٧١', expected: { ok: true, value: '42101-1234567-1' } },
  { name: 'ignores spaces', raw: '42101 1234567 1', expected: { ok: true, value: '42101-1234567-1' } },
  { name: 'refuses 12 digits and says so', raw: '42101-1234567', expected: { ok: false, error: 'cnic.length' } },
  { name: 'refuses 14 digits', raw: '42101123456712', expected: { ok: false, error: 'cnic.length' } },
  { name: 'refuses an empty answer as too few digits', raw: ' ', expected: { ok: false, error: 'cnic.length' } },
  { name: 'refuses letters', raw: '42101-123456X-1', expected: { ok: false, error: 'cnic.format' } },
  { name: 'refuses dashes in the wrong places', raw: '4210-11234567-1', expected: { ok: false, error: 'cnic.format' } },
]);

runCases<string>('validateMobile', validateMobile, [
  { name: 'accepts 03XX-XXXXXXX', raw: '0300-1234567', expected: { ok: true, value: '+923001234567' } },
  { name: 'accepts +92 3XX XXXXXXX', raw: '+92 300 1234567', expected: { ok: true, value: '+923001234567' } },
  { name: 'accepts 923… without plus', raw: '923001234567', expected: { ok: true, value: '+923001234567' } },
  { name: 'accepts 0092…', raw: '0092 321 7654321', expected: { ok: true, value: '+923217654321' } },
  { name: 'accepts +92 with the trunk zero kept', raw: '+92 (0)300-1234567', expected: { ok: true, value: '+923001234567' } },
  { name: 'reads Urdu digits', raw: '۰۳۰۰-۱۲۳۴۵۶۷', expected: { ok: true, value: '+923001234567' } },
  { name: 'refuses letters', raw: '0300-CALLME', expected: { ok: false, error: 'mobile.format' } },
  { name: 'refuses an empty answer', raw: '', expected: { ok: false, error: 'mobile.format' } },
  { name: 'refuses a foreign number', raw: '+44 7911 123456', expected: { ok: false, error: 'mobile.notPakistani' } },
  { name: 'refuses a foreign number dialled with 00', raw: '0044 7911 123456', expected: { ok: false, error: 'mobile.notPakistani' } },
  { name: 'refuses a Karachi landline', raw: '021-34567890', expected: { ok: false, error: 'mobile.notMobile' } },
  { name: 'refuses a mobile one digit short', raw: '0300-123456', expected: { ok: false, error: 'mobile.length' } },
]);

runCases<string>('validateEmail', validateEmail, [
  { name: 'accepts an address and trims it', raw: ' ayesha.malik@company.pk ', expected: { ok: true, value: 'ayesha.malik@company.pk' } },
  { name: 'refuses a missing @', raw: 'ayesha.company.pk', expected: { ok: false, error: 'email.format' } },
  { name: 'refuses a missing domain', raw: 'ayesha@', expected: { ok: false, error: 'email.format' } },
]);

runCases<City>('validateCity', validateCity, [
  { name: 'knows a city in any case', raw: 'KARACHI', expected: { ok: true, value: { kind: 'named', id: 'karachi' } } },
  { name: 'knows a city by its choice value', raw: 'rawalpindi', expected: { ok: true, value: { kind: 'named', id: 'rawalpindi' } } },
  { name: 'knows کراچی', raw: 'کراچی', expected: { ok: true, value: { kind: 'named', id: 'karachi' } } },
  { name: 'knows لاہور', raw: 'لاہور', expected: { ok: true, value: { kind: 'named', id: 'lahore' } } },
  {
    name: 'knows اسلام آباد with or without the space',
    raw: 'اسلام‌آباد',
    expected: { ok: true, value: { kind: 'named', id: 'islamabad' } },
  },
  { name: 'knows راولپنڈی', raw: 'راولپنڈی', expected: { ok: true, value: { kind: 'named', id: 'rawalpindi' } } },
  { name: 'knows فیصل آباد', raw: 'فیصل آباد', expected: { ok: true, value: { kind: 'named', id: 'faisalabad' } } },
  { name: 'knows پشاور', raw: 'پشاور', expected: { ok: true, value: { kind: 'named', id: 'peshawar' } } },
  { name: 'knows کوئٹہ', raw: 'کوئٹہ', expected: { ok: true, value: { kind: 'named', id: 'quetta' } } },
  { name: 'knows ملتان', raw: 'ملتان', expected: { ok: true, value: { kind: 'named', id: 'multan' } } },
  { name: 'knows کراچی typed with an Arabic kaf', raw: 'كراچی', expected: { ok: true, value: { kind: 'named', id: 'karachi' } } },
  { name: 'knows Faisalabad written with a space', raw: 'Faisal Abad', expected: { ok: true, value: { kind: 'named', id: 'faisalabad' } } },
  { name: 'keeps any other city as free text', raw: 'Sialkot', expected: { ok: true, value: { kind: 'other', name: 'Sialkot' } } },
  { name: 'reads "other: Sialkot"', raw: 'Other: Sialkot', expected: { ok: true, value: { kind: 'other', name: 'Sialkot' } } },
  {
    name: 'does not strip "other" from inside a name',
    raw: 'Othertown',
    expected: { ok: true, value: { kind: 'other', name: 'Othertown' } },
  },
  { name: 'asks for the name when only "other" is given', raw: 'other', expected: { ok: false, error: 'city.otherName' } },
  { name: 'asks for the name when only the Urdu choice is given', raw: 'کوئی اور شہر', expected: { ok: false, error: 'city.otherName' } },
  { name: 'refuses a one-letter city', raw: 'X', expected: { ok: false, error: 'city.tooShort' } },
  { name: 'refuses 61 characters', raw: longText(61), expected: { ok: false, error: 'city.tooLong' } },
]);

runCases<number>('validateAgentSeats', validateAgentSeats, [
  { name: 'accepts a plain number', raw: '120', expected: { ok: true, value: 120 } },
  { name: 'accepts thousands separators', raw: '1,200', expected: { ok: true, value: 1200 } },
  { name: 'accepts Urdu digits with the Arabic thousands separator', raw: '۱٬۲۰۰', expected: { ok: true, value: 1200 } },
  { name: 'accepts the upper bound', raw: '10,000', expected: { ok: true, value: 10000 } },
  { name: 'accepts the lower bound', raw: '1', expected: { ok: true, value: 1 } },
  { name: 'refuses a decimal', raw: '12.5', expected: { ok: false, error: 'agentSeats.format' } },
  { name: 'refuses a misplaced separator', raw: '12,00', expected: { ok: false, error: 'agentSeats.format' } },
  { name: 'refuses words', raw: 'twelve', expected: { ok: false, error: 'agentSeats.format' } },
  { name: 'refuses a negative number', raw: '-5', expected: { ok: false, error: 'agentSeats.format' } },
  { name: 'refuses zero', raw: '0', expected: { ok: false, error: 'agentSeats.range' } },
  { name: 'refuses 10,001', raw: '10001', expected: { ok: false, error: 'agentSeats.range' } },
]);

runCases<string | null>('validateWhitelistingReference', validateWhitelistingReference, [
  { name: 'treats "skip" as none', raw: 'skip', expected: { ok: true, value: null } },
  { name: 'treats "nahi" as none', raw: 'nahi', expected: { ok: true, value: null } },
  { name: 'accepts a lower-case reference', raw: 'wl-7k3m9q', expected: { ok: true, value: 'WL-7K3M9Q' } },
  { name: 'accepts a reference inside a sentence', raw: 'it was WL 7K3M9Q I think', expected: { ok: true, value: 'WL-7K3M9Q' } },
  {
    name: 'refuses a work-from-home reference, naming it',
    raw: 'WFH-7K3M9Q',
    expected: { ok: false, error: 'whitelistingReference.wrongKind', detail: 'WFH-7K3M9Q' },
  },
  { name: 'refuses text without a reference', raw: 'my company', expected: { ok: false, error: 'whitelistingReference.format' } },
  {
    name: 'refuses a code with U, which references never contain',
    raw: 'WL-UUUUUU',
    expected: { ok: false, error: 'whitelistingReference.format' },
  },
]);
