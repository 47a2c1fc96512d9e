import { formField, formFields, validateForm, type WfhDraft, type WhitelistingDraft } from '../../../bot/domain/forms';

const TODAY = '2026-11-20';

const goodWhitelisting = {
  companyName: 'Indus Contact Solutions (Pvt) Ltd',
  psebRegistrationNo: 'skip',
  ntn: '12345678',
  contactName: 'Ayesha Malik',
  contactCnic: '4210112345671',
  contactMobile: '0300 1234567',
  contactEmail: 'ayesha.malik@company.pk',
  city: 'karachi',
  agentSeats: '1,200',
  ipAddresses: '39.45.12.7\n39.45.13.0/28',
};

const goodWfh = {
  companyName: 'Indus Contact Solutions (Pvt) Ltd',
  ntn: '1234567-8',
  contactName: 'Ayesha Malik',
  contactMobile: '+92 300 1234567',
  contactEmail: 'ayesha.malik@company.pk',
  whitelistingReference: 'wl-7k3m9q',
  startDate: '1 Dec',
  endDate: '28/02/2027',
  agents: 'Bilal Ahmed, 42101-1234567-1, Karachi, PTCL, 39.45.12.7\nSana Iqbal, 35202-7654321-2, Lahore, Nayatel, dynamic',
};

describe('form definitions', () => {
  test('list the whitelisting fields in the order they are asked', () => {
    expect(formFields('whitelisting').map((f) => f.name)).toEqual([
      'companyName',
      'psebRegistrationNo',
      'ntn',
      'contactName',
      'contactCnic',
      'contactMobile',
      'contactEmail',
      'city',
      'agentSeats',
      'ipAddresses',
    ]);
  });

  test('list the work-from-home fields in the order they are asked', () => {
    expect(formFields('wfh').map((f) => f.name)).toEqual([
      'companyName',
      'ntn',
      'contactName',
      'contactMobile',
      'contactEmail',
      'whitelistingReference',
      'startDate',
      'endDate',
      'agents',
    ]);
  });

  test('mark only the registration number and the whitelisting reference optional', () => {
    const optional = [...formFields('whitelisting'), ...formFields('wfh')].filter((f) => f.optional).map((f) => f.name);
    expect(optional).toEqual(['psebRegistrationNo', 'whitelistingReference']);
  });

  test('offer the city as a choice of 8 cities and "other" with a free-text input', () => {
    const city = formField('whitelisting', 'city');
    expect(city.input).toBe('choice');
    expect(city.choices).toEqual(['karachi', 'lahore', 'islamabad', 'rawalpindi', 'faisalabad', 'peshawar', 'quetta', 'multan', 'other']);
    expect(city.otherInputId).toBe('cityOther');
  });

  test("derive each field's locale keys from its name", () => {
    expect(formField('wfh', 'startDate').keys).toEqual({
      prompt: 'intake:fields.startDate.prompt',
      label: 'intake:fields.startDate.label',
      help: 'intake:fields.startDate.help',
      example: 'intake:fields.startDate.example',
    });
  });

  test('give each field the validator for its rule', () => {
    expect(formField('whitelisting', 'contactCnic').validate('42101-123')).toEqual({ ok: false, error: 'cnic.length' });
  });
});

describe('validateForm("whitelisting")', () => {
  test('turns a good card submission into the clean draft', () => {
    const expected: WhitelistingDraft = {
      companyName: 'Indus Contact Solutions (Pvt) Ltd',
      psebRegistrationNo: null,
      ntn: '1234567-8',
      contactName: 'Ayesha Malik',
      contactCnic: '42101-1234567-1',
      contactMobile: '+923001234567',
      contactEmail: 'ayesha.malik@company.pk',
      city: { kind: 'named', id: 'karachi' },
      agentSeats: 1200,
      ipAddresses: ['39.45.12.7', '39.45.13.0/28'],
    };
    expect(validateForm('whitelisting', goodWhitelisting, { today: TODAY })).toEqual({ ok: true, draft: expected });
  });

  test('reports every bad field at once, with the offending entry where the message names it', () => {
    const result = validateForm('whitelisting', {
      ...goodWhitelisting,
      contactCnic: '123',
      agentSeats: '0',
      ipAddresses: '39.45.12.7, 10.0.0.1',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        contactCnic: { error: 'cnic.length' },
        agentSeats: { error: 'agentSeats.range' },
        ipAddresses: { error: 'ip.private', detail: '10.0.0.1' },
      },
    });
  });

  test("treats a missing required input as that field's error and a missing optional one as skipped", () => {
    const { companyName: _omitted, psebRegistrationNo: _skipped, ...rest } = goodWhitelisting;
    expect(validateForm('whitelisting', rest, { today: TODAY })).toEqual({
      ok: false,
      errors: { companyName: { error: 'companyName.tooShort' } },
    });
  });

  test('takes the city from the free-text input when "other" is chosen', () => {
    const result = validateForm('whitelisting', { ...goodWhitelisting, city: 'other', cityOther: 'Sialkot' });
    expect(result.ok && result.draft.city).toEqual({ kind: 'other', name: 'Sialkot' });
  });

  test('asks for the city name when "other" is chosen without one', () => {
    const result = validateForm('whitelisting', { ...goodWhitelisting, city: 'other', cityOther: '' });
    expect(result).toEqual({ ok: false, errors: { city: { error: 'city.otherName' } } });
  });

  test('accepts a number input that arrives as a number', () => {
    const result = validateForm('whitelisting', { ...goodWhitelisting, agentSeats: 40 });
    expect(result.ok && result.draft.agentSeats).toBe(40);
  });

  test('ignores non-field data such as the action verb', () => {
    expect(validateForm('whitelisting', { ...goodWhitelisting, verb: 'intake.submit' }).ok).toBe(true);
  });
});

describe('validateForm("wfh")', () => {
  test('turns a good card submission into the clean draft', () => {
    const expected: WfhDraft = {
      companyName: 'Indus Contact Solutions (Pvt) Ltd',
      ntn: '1234567-8',
      contactName: 'Ayesha Malik',
      contactMobile: '+923001234567',
      contactEmail: 'ayesha.malik@company.pk',
      whitelistingReference: 'WL-7K3M9Q',
      startDate: '2026-12-01',
      endDate: '2027-02-28',
      agents: [
        { fullName: 'Bilal Ahmed', cnic: '42101-1234567-1', city: 'Karachi', isp: 'PTCL', ipAddress: '39.45.12.7' },
        { fullName: 'Sana Iqbal', cnic: '35202-7654321-2', city: 'Lahore', isp: 'Nayatel', ipAddress: 'dynamic' },
      ],
    };
    expect(validateForm('wfh', goodWfh, { today: TODAY })).toEqual({ ok: true, draft: expected });
  });

  test('judges the end date against the submitted start date', () => {
    const result = validateForm('wfh', { ...goodWfh, startDate: '2026-11-25', endDate: '2027-02-28' }, { today: TODAY });
    expect(result).toEqual({ ok: false, errors: { endDate: { error: 'date.tooLong', detail: '2027-02-23' } } });
  });

  test('checks only "not past" for the end date when the start date is itself wrong', () => {
    const result = validateForm('wfh', { ...goodWfh, startDate: '2026-11-01', endDate: '2027-06-01' }, { today: TODAY });
    expect(result).toEqual({ ok: false, errors: { startDate: { error: 'date.past', detail: TODAY } } });
  });

  test('returns the bad agent rows by number under the agents field', () => {
    const agents = `${goodWfh.agents}\nNo CNIC, , Quetta, PTCL, dynamic`;
    expect(validateForm('wfh', { ...goodWfh, agents }, { today: TODAY })).toEqual({
      ok: false,
      errors: { agents: { error: 'agents.badRows', detail: '1', rows: [{ row: 3, code: 'cnic.length', field: 'cnic' }] } },
    });
  });

  test('refuses a work-from-home reference in the whitelisting reference field', () => {
    const result = validateForm('wfh', { ...goodWfh, whitelistingReference: 'WFH-7K3M9Q' }, { today: TODAY });
    expect(result).toEqual({
      ok: false,
      errors: { whitelistingReference: { error: 'whitelistingReference.wrongKind', detail: 'WFH-7K3M9Q' } },
    });
  });
});
