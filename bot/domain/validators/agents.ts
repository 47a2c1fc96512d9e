import Papa from 'papaparse';
import { validateCnic } from './cnic';
import { validatePublicIpv4 } from './ip';
import { cleanText, matchKey } from './normalize';
import { fail, ok, type AgentRowError, type Failure, type Result } from './result';
import { personName, textOfLength } from './text';

/** One call-centre agent who will work from home. */
export interface Agent {
  fullName: string;
  cnic: string;
  city: string;
  isp: string;
  /** A public IPv4 address, or `dynamic` when the ISP assigns a changing one. */
  ipAddress: string;
}

/** Good rows and the bad ones by row number: rows count data lines only, from 1, skipping blank lines and the header. */
export interface AgentParseResult {
  agents: Agent[];
  errors: AgentRowError[];
}

/** Context for parsing rows added to a request that already has agents. */
export interface AgentParseOptions {
  /** Agents already on the request; a row repeating one of their CNICs is refused. */
  existing?: readonly Agent[];
}

/** Most agents one work-from-home request may carry. */
export const MAX_AGENTS = 500;
/** Stored in place of an IP when the agent's ISP changes it. */
export const DYNAMIC_IP = 'dynamic';

/** Column order when there is no header row. */
export const AGENT_COLUMNS = ['fullName', 'cnic', 'city', 'isp', 'ipAddress'] as const;
export type AgentColumn = (typeof AGENT_COLUMNS)[number];

// Header cells we recognise, English and Urdu, compared with matchKey (case and spaces ignored).
const HEADER_ALIASES: Readonly<Record<AgentColumn, readonly string[]>> = {
  fullName: ['fullName', 'full name', 'name', 'agent name', 'employee name', 'نام', 'پورا نام'],
  cnic: ['cnic', 'cnic no', 'cnic number', 'nic', 'id card', 'شناختی کارڈ', 'شناختی کارڈ نمبر'],
  city: ['city', 'شہر'],
  isp: ['isp', 'internet provider', 'internet service provider', 'provider', 'انٹرنیٹ کمپنی', 'انٹرنیٹ فراہم کنندہ'],
  ipAddress: ['ip', 'ipAddress', 'ip address', 'آئی پی', 'آئی پی ایڈریس'],
};
const COLUMN_BY_HEADER: ReadonlyMap<string, AgentColumn> = new Map(
  AGENT_COLUMNS.flatMap((column) => HEADER_ALIASES[column].map((alias) => [matchKey(alias), column] as const)),
);
const DYNAMIC_WORDS: ReadonlySet<string> = new Set(['dynamic', 'dyn', 'ڈائنامک', 'متغیر'].map(matchKey));

const validateAgentName = personName({
  tooShort: 'agent.fullName.tooShort',
  tooLong: 'agent.fullName.tooLong',
  noLetters: 'agent.fullName.noLetters',
});
const validateAgentCity = textOfLength(2, 60, { tooShort: 'agent.city.tooShort', tooLong: 'agent.city.tooLong' });
const validateIsp = textOfLength(2, 60, { tooShort: 'agent.isp.tooShort', tooLong: 'agent.isp.tooLong' });

/** An agent's IP: one public IPv4 address, or "dynamic" (also in Urdu), stored as `dynamic`. */
export function validateAgentIp(raw: string): Result<string> {
  if (DYNAMIC_WORDS.has(matchKey(raw))) return ok(DYNAMIC_IP);
  const result = validatePublicIpv4(raw);
  if (!result.ok && result.error === 'ip.format') return fail('agent.ip.format', result.detail);
  return result;
}

/** Validates one agent's cells in column order; the first bad cell decides the reason. */
export function validateAgent(cells: Readonly<Record<AgentColumn, string>>): Result<Agent> {
  const checked = checkAgent(cells);
  return checked.ok ? checked : { ok: false, error: checked.error, detail: checked.detail };
}

/** Like validateAgent, naming the column at fault. */
function checkAgent(cells: Readonly<Record<AgentColumn, string>>): Result<Agent> | (Failure & { field: AgentColumn }) {
  const fullName = validateAgentName(cells.fullName);
  if (!fullName.ok) return { ...fullName, field: 'fullName' };
  const cnic = validateCnic(cells.cnic);
  if (!cnic.ok) return { ...cnic, field: 'cnic' };
  const city = validateAgentCity(cells.city);
  if (!city.ok) return { ...city, field: 'city' };
  const isp = validateIsp(cells.isp);
  if (!isp.ok) return { ...isp, field: 'isp' };
  const ipAddress = validateAgentIp(cells.ipAddress);
  if (!ipAddress.ok) return { ...ipAddress, field: 'ipAddress' };
  return ok({ fullName: fullName.value, cnic: cnic.value, city: city.value, isp: isp.value, ipAddress: ipAddress.value });
}

/** Parses pasted lines `Name, CNIC, City, ISP, IP` (tab-, comma- or semicolon-separated, optional header row). */
export function parseAgentLines(text: string, options: AgentParseOptions = {}): AgentParseResult {
  const rows = text.split(/\r\n|\r|\n/).map(splitLine);
  return agentsFromRows(rows, options);
}

/** Parses an uploaded CSV (any delimiter papaparse detects, quoted fields, optional header row). */
export function parseAgentCsv(csvText: string, options: AgentParseOptions = {}): AgentParseResult {
  const parsed = Papa.parse<string[]>(csvText.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: 'greedy' });
  return agentsFromRows(parsed.data, options);
}

/** Adds agents to a list, refusing any whose CNIC is already there; error rows are positions in `added`, from 1. */
export function mergeAgents(existing: readonly Agent[], added: readonly Agent[]): AgentParseResult {
  const { agents, errors } = keepUnique(
    added.map((agent, index) => ({ row: index + 1, agent })),
    existing,
  );
  return { agents: [...existing, ...agents], errors };
}

/** A request carries 1–500 agents. */
export function validateAgentCount(agents: readonly Agent[]): Result<Agent[]> {
  if (agents.length === 0) return fail('agents.empty');
  if (agents.length > MAX_AGENTS) return fail('agents.tooMany', String(agents.length));
  return ok([...agents]);
}

/** The form's `agents` field (pasted lines): every row good and 1–500 of them; bad rows come back in `rows`. */
export function validateAgentList(raw: string): Result<Agent[]> {
  const { agents, errors } = parseAgentLines(raw);
  if (errors.length > 0) return { ok: false, error: 'agents.badRows', detail: String(errors.length), rows: errors };
  return validateAgentCount(agents);
}

/** Splits one pasted line on tabs if it has any (spreadsheet copy), else commas (also Urdu ،), else semicolons. */
function splitLine(line: string): string[] {
  if (line.includes('\t')) return line.split('\t');
  if (/[,\u060c]/.test(line)) return line.split(/[,\u060c]/);
  return line.split(';');
}

/** Column positions from a header row, or null when the row is data (fewer than two recognised cells). */
function headerColumns(cells: readonly string[]): Map<AgentColumn, number> | null {
  const positions = new Map<AgentColumn, number>();
  cells.forEach((cell, index) => {
    const column = COLUMN_BY_HEADER.get(matchKey(cell));
    if (column && !positions.has(column)) positions.set(column, index);
  });
  return positions.size >= 2 ? positions : null;
}

function withoutTrailingBlanks(cells: readonly string[]): string[] {
  const out = [...cells];
  while (out.length > 0 && cleanText(out[out.length - 1]) === '') out.pop();
  return out;
}

/** The shared pipeline: header detection, per-row validation, duplicate CNICs refused on the later row. */
function agentsFromRows(rawRows: readonly (readonly string[])[], options: AgentParseOptions): AgentParseResult {
  const rows = rawRows.map(withoutTrailingBlanks).filter((cells) => cells.length > 0);
  const header = rows.length > 0 ? headerColumns(rows[0]) : null;
  if (header) {
    const missing = AGENT_COLUMNS.filter((column) => !header.has(column));
    if (missing.length > 0) return { agents: [], errors: [{ row: 0, code: 'agents.headerColumns', value: missing.join(', ') }] };
  }
  const positions = header ?? new Map(AGENT_COLUMNS.map((column, index) => [column, index]));
  const width = Math.max(...positions.values()) + 1;
  const dataRows = header ? rows.slice(1) : rows;

  const candidates: { row: number; agent: Agent }[] = [];
  const errors: AgentRowError[] = [];
  dataRows.forEach((cells, index) => {
    const row = index + 1;
    // Without a header the five columns must all be there, so a shifted row is not misread.
    if (header ? cells.length < width : cells.length !== AGENT_COLUMNS.length) {
      errors.push({ row, code: 'agents.columns', value: String(cells.length) });
      return;
    }
    const cell = (column: AgentColumn): string => cells[positions.get(column) ?? -1] ?? '';
    const result = checkAgent({
      fullName: cell('fullName'),
      cnic: cell('cnic'),
      city: cell('city'),
      isp: cell('isp'),
      ipAddress: cell('ipAddress'),
    });
    if (result.ok) candidates.push({ row, agent: result.value });
    else
      errors.push({
        row,
        code: result.error,
        field: 'field' in result ? result.field : undefined,
        ...(result.detail === undefined ? {} : { value: result.detail }),
      });
  });
  const unique = keepUnique(candidates, options.existing ?? []);
  return { agents: unique.agents, errors: [...errors, ...unique.errors].sort((a, b) => a.row - b.row) };
}

/** Keeps the first agent per CNIC; a repeat is an error on its own (later) row, a CNIC already listed too. */
function keepUnique(candidates: readonly { row: number; agent: Agent }[], existing: readonly Agent[]): AgentParseResult {
  const listed = new Set(existing.map((a) => a.cnic));
  const firstRowOf = new Map<string, number>();
  const agents: Agent[] = [];
  const errors: AgentRowError[] = [];
  for (const { row, agent } of candidates) {
    const earlier = firstRowOf.get(agent.cnic);
    if (listed.has(agent.cnic)) errors.push({ row, code: 'agents.cnicAlreadyListed', field: 'cnic' });
    else if (earlier !== undefined) errors.push({ row, code: 'agents.duplicateCnic', value: String(earlier), field: 'cnic' });
    else {
      firstRowOf.set(agent.cnic, row);
      agents.push(agent);
    }
  }
  return { agents, errors };
}
