import {
  DYNAMIC_IP,
  MAX_AGENTS,
  mergeAgents,
  parseAgentCsv,
  parseAgentLines,
  validateAgentCount,
  validateAgentIp,
  validateAgentList,
  agentRowMessages,
  type Agent,
} from '../../../../bot/domain/validators';
import { createI18n } from '../../../../bot/i18n';

/** A valid agent line whose CNIC is unique per index. */
function agentLine(index: number, separator = ', '): string {
  const cnic = `42101-${String(1_000_000 + index).padStart(7, '0')}-1`;
  return [`Agent ${index}`, cnic, 'Karachi', 'PTCL', `39.45.${Math.floor(index / 250)}.${(index % 250) + 1}`].join(separator);
}

function agent(index: number): Agent {
  const [fullName, cnic, city, isp, ipAddress] = agentLine(index).split(', ');
  return { fullName, cnic, city, isp, ipAddress };
}

describe('parseAgentLines', () => {
  test('keeps 197 of 200 pasted rows and reports the 3 bad ones by row number', () => {
    const lines = Array.from({ length: 200 }, (_, i) => agentLine(i));
    lines[4] = 'Agent 4, 42101-123-1, Karachi, PTCL, 39.45.0.5'; // row 5: short CNIC
    lines[99] = 'Agent 99, 42101-1000099-1, Karachi, PTCL, 192.168.1.20'; // row 100: private IP
    lines[199] = 'Agent 199, 42101-1000199-1, Karachi, PTCL'; // row 200: a column missing
    const { agents, errors } = parseAgentLines(lines.join('\n'));
    expect(errors).toEqual([
      { row: 5, code: 'cnic.length', field: 'cnic' },
      { row: 100, code: 'ip.private', value: '192.168.1.20', field: 'ipAddress' },
      { row: 200, code: 'agents.columns', value: '4' },
    ]);
    expect(agents).toHaveLength(197);
    expect(agents.map((a) => a.fullName)).not.toContain('Agent 4');
  });

  test('reads tab-separated rows copied from a spreadsheet', () => {
    expect(parseAgentLines(agentLine(1, '\t'))).toEqual({ agents: [agent(1)], errors: [] });
  });

  test('reads rows separated with the Urdu comma', () => {
    const { agents } = parseAgentLines('بلال احمد، ۴۲۱۰۱-۱۲۳۴۵۶۷-۱، کراچی، PTCL، dynamic');
    expect(agents).toEqual([{ fullName: 'بلال احمد', cnic: '42101-1234567-1', city: 'کراچی', isp: 'PTCL', ipAddress: DYNAMIC_IP }]);
  });

  test('skips a header row and does not count it or blank lines as rows', () => {
    const text = ['Name, CNIC, City, ISP, IP', agentLine(1), '', '   ', 'Bad, 1, Karachi, PTCL, 39.45.0.9'].join('\n');
    expect(parseAgentLines(text)).toEqual({ agents: [agent(1)], errors: [{ row: 2, code: 'cnic.length', field: 'cnic' }] });
  });

  test('follows the header when the columns are in another order', () => {
    const a = agent(3);
    const text = `IP Address\tCNIC\tFull Name\tISP\tCity\n${a.ipAddress}\t${a.cnic}\t${a.fullName}\t${a.isp}\t${a.city}`;
    expect(parseAgentLines(text)).toEqual({ agents: [a], errors: [] });
  });

  test('recognises an Urdu header', () => {
    const text = `نام, شناختی کارڈ, شہر, ISP, آئی پی\n${agentLine(2)}`;
    expect(parseAgentLines(text)).toEqual({ agents: [agent(2)], errors: [] });
  });

  test('reports a header missing columns as row 0 and reads no rows', () => {
    const text = `name, cnic, city\n${agentLine(1)}`;
    expect(parseAgentLines(text)).toEqual({ agents: [], errors: [{ row: 0, code: 'agents.headerColumns', value: 'isp, ipAddress' }] });
  });

  test('refuses a CNIC on its second appearance, pointing to the first row', () => {
    const duplicate = agentLine(1).replace('Agent 1', 'Someone Else');
    const { agents, errors } = parseAgentLines([agentLine(1), agentLine(2), duplicate].join('\n'));
    expect(agents).toEqual([agent(1), agent(2)]);
    expect(errors).toEqual([{ row: 3, code: 'agents.duplicateCnic', value: '1', field: 'cnic' }]);
  });

  test('treats the same CNIC written in Urdu digits as a duplicate', () => {
    const urdu = 'Agent X, ۴۲۱۰۱۱۰۰۰۰۰۱۱, Lahore, Nayatel, dynamic';
    expect(parseAgentLines(`${agentLine(1)}\n${urdu}`).errors).toEqual([
      { row: 2, code: 'agents.duplicateCnic', value: '1', field: 'cnic' },
    ]);
  });

  test('refuses a CNIC already on the request when fixed rows are added', () => {
    const { agents, errors } = parseAgentLines(`${agentLine(1)}\n${agentLine(5)}`, { existing: [agent(1)] });
    expect(agents).toEqual([agent(5)]);
    expect(errors).toEqual([{ row: 1, code: 'agents.cnicAlreadyListed', field: 'cnic' }]);
  });

  test('tolerates a trailing comma', () => {
    expect(parseAgentLines(`${agentLine(1)},`)).toEqual({ agents: [agent(1)], errors: [] });
  });

  test.each([
    { name: 'a missing name', line: ', 42101-1234567-1, Karachi, PTCL, dynamic', code: 'agent.fullName.tooShort' },
    { name: 'a "name" without letters', line: '1234567-8, 42101-1234567-1, Karachi, PTCL, dynamic', code: 'agent.fullName.noLetters' },
    { name: 'an 81-character name', line: `${'a'.repeat(81)}, 42101-1234567-1, Karachi, PTCL, dynamic`, code: 'agent.fullName.tooLong' },
    { name: 'a CNIC with letters', line: 'Ali Raza, 42101-ABCDEFG-1, Karachi, PTCL, dynamic', code: 'cnic.format' },
    { name: 'a one-letter city', line: 'Ali Raza, 42101-1234567-1, K, PTCL, dynamic', code: 'agent.city.tooShort' },
    { name: 'a 61-character city', line: `Ali Raza, 42101-1234567-1, ${'k'.repeat(61)}, PTCL, dynamic`, code: 'agent.city.tooLong' },
    { name: 'a missing ISP', line: 'Ali Raza, 42101-1234567-1, Karachi, , dynamic', code: 'agent.isp.tooShort' },
    { name: 'a 61-character ISP', line: `Ali Raza, 42101-1234567-1, Karachi, ${'p'.repeat(61)}, dynamic`, code: 'agent.isp.tooLong' },
    { name: 'six columns', line: 'Ali Raza, 42101-1234567-1, Karachi, PTCL, dynamic, extra', code: 'agents.columns' },
  ])('reports $name with its reason', ({ line, code }) => {
    const { agents, errors } = parseAgentLines(line);
    expect(agents).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ row: 1, code })]);
  });

  test('returns nothing for empty text', () => {
    expect(parseAgentLines('\n\n')).toEqual({ agents: [], errors: [] });
  });
});

describe('validateAgentIp', () => {
  test.each(['dynamic', 'Dynamic', 'ڈائنامک'])('accepts "%s" as a changing address', (raw) => {
    expect(validateAgentIp(raw)).toEqual({ ok: true, value: DYNAMIC_IP });
  });

  test('accepts a public address', () => {
    expect(validateAgentIp('39.45.12.7')).toEqual({ ok: true, value: '39.45.12.7' });
  });

  test('refuses a block, since an agent has one connection', () => {
    expect(validateAgentIp('39.45.12.0/28')).toEqual({ ok: false, error: 'agent.ip.format', detail: '39.45.12.0/28' });
  });

  test('refuses a CGNAT address with its own reason', () => {
    expect(validateAgentIp('100.64.0.9')).toEqual({ ok: false, error: 'ip.carrierGradeNat', detail: '100.64.0.9' });
  });
});

describe('parseAgentCsv', () => {
  test('reads a CSV with a fullName/ipAddress header, quoted fields and a BOM', () => {
    const csv = '\ufefffullName,cnic,city,isp,ipAddress\r\n"Khan, Ali",42101-1234567-1,Karachi,"PTCL, Evo",39.45.12.7\r\n';
    expect(parseAgentCsv(csv)).toEqual({
      agents: [{ fullName: 'Khan, Ali', cnic: '42101-1234567-1', city: 'Karachi', isp: 'PTCL, Evo', ipAddress: '39.45.12.7' }],
      errors: [],
    });
  });

  test('reads a CSV without a header in the documented order', () => {
    expect(parseAgentCsv(`${agentLine(1, ',')}\n${agentLine(2, ',')}\n`)).toEqual({ agents: [agent(1), agent(2)], errors: [] });
  });

  test('reads a semicolon-separated CSV as saved by some Excel versions', () => {
    expect(parseAgentCsv(`name;cnic;city;isp;ip\n${agentLine(7, ';')}`)).toEqual({ agents: [agent(7)], errors: [] });
  });

  test('numbers CSV rows after the header and skips blank lines', () => {
    const csv = ['name,cnic,city,isp,ip', agentLine(1, ','), '', 'Bad,42101-1234567-1,Karachi,PTCL,10.0.0.1'].join('\n');
    expect(parseAgentCsv(csv)).toEqual({
      agents: [agent(1)],
      errors: [{ row: 2, code: 'ip.private', value: '10.0.0.1', field: 'ipAddress' }],
    });
  });
});

describe('mergeAgents', () => {
  test('appends new agents after the existing ones', () => {
    expect(mergeAgents([agent(1)], [agent(2), agent(3)])).toEqual({ agents: [agent(1), agent(2), agent(3)], errors: [] });
  });

  test('keeps CNICs unique, reporting repeats by their position in the added rows', () => {
    const repeat = { ...agent(2), fullName: 'Other Person' };
    expect(mergeAgents([agent(1)], [agent(1), agent(2), repeat])).toEqual({
      agents: [agent(1), agent(2)],
      errors: [
        { row: 1, code: 'agents.cnicAlreadyListed', field: 'cnic' },
        { row: 3, code: 'agents.duplicateCnic', value: '2', field: 'cnic' },
      ],
    });
  });
});

describe('validateAgentCount', () => {
  test('refuses an empty list', () => {
    expect(validateAgentCount([])).toEqual({ ok: false, error: 'agents.empty' });
  });

  test('accepts 500 agents', () => {
    const many = Array.from({ length: MAX_AGENTS }, (_, i) => agent(i));
    expect(validateAgentCount(many).ok).toBe(true);
  });

  test('refuses 501 agents and says how many', () => {
    const many = Array.from({ length: MAX_AGENTS + 1 }, (_, i) => agent(i));
    expect(validateAgentCount(many)).toEqual({ ok: false, error: 'agents.tooMany', detail: '501' });
  });
});

describe('validateAgentList', () => {
  test('returns the agents when every row is good', () => {
    expect(validateAgentList(`${agentLine(1)}\n${agentLine(2)}`)).toEqual({ ok: true, value: [agent(1), agent(2)] });
  });

  test('refuses the list with the bad rows attached and their count as detail', () => {
    expect(validateAgentList(`${agentLine(1)}\nnot an agent`)).toEqual({
      ok: false,
      error: 'agents.badRows',
      detail: '1',
      rows: [{ row: 2, code: 'agents.columns', value: '1' }],
    });
  });

  test('refuses an empty paste', () => {
    expect(validateAgentList('')).toEqual({ ok: false, error: 'agents.empty' });
  });
});

describe('row errors people can fix', () => {
  const en = createI18n().getFixedT('en');

  test('three pasted rows, row 3 on a private IP: rows 1-2 kept, row 3 named with its field and the reason', () => {
    const text = [agentLine(1), agentLine(2), 'Agent 3, 42101-1000003-1, Karachi, PTCL, 192.168.1.10'].join('\n');
    const { agents, errors } = parseAgentLines(text);
    expect(agents).toEqual([agent(1), agent(2)]);
    expect(errors).toEqual([{ row: 3, code: 'ip.private', value: '192.168.1.10', field: 'ipAddress' }]);
    const [line] = agentRowMessages(en, errors);
    expect(line).toBe(
      en('intake:agents.rowFieldError', {
        row: 3,
        field: en('intake:agents.columnNames.ipAddress'),
        reason: en('intake:errors.ip.private', { value: '192.168.1.10' }),
      }),
    );
    expect(line).toMatch(/^Row 3, IP address: 192\.168\.1\.10 is a private address — we need the public IP/);
  });

  test('names each field at fault: the name, the CNIC, the city, the ISP', () => {
    const { errors } = parseAgentLines(
      [
        '12345, 42101-1000001-1, Karachi, PTCL, dynamic',
        'Ali, 42101-12-1, Karachi, PTCL, dynamic',
        'Ali, 42101-1000003-1, K, PTCL, dynamic',
        'Ali, 42101-1000004-1, Karachi, , dynamic',
      ].join('\n'),
    );
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'fullName', 'agent.fullName.noLetters'],
      [2, 'cnic', 'cnic.length'],
      [3, 'city', 'agent.city.tooShort'],
      [4, 'isp', 'agent.isp.tooShort'],
    ]);
  });
});
