/** The Direct Line secret: configured, or generated once into DATA_DIR with owner-only permissions. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deriveKeys, loadSecret, SECRET_FILE_NAME } from '../../../bot/directline/secret';
import { connectorKeyFor, isConnectorKeyFor, issueToken, verifyToken } from '../../../bot/directline/tokens';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dl-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSecret', () => {
  it('uses DIRECTLINE_SECRET when configured and writes nothing', () => {
    expect(loadSecret({ configured: 'c'.repeat(40), dataDir: path.join(dir, 'data') })).toBe('c'.repeat(40));
    expect(() => statSync(path.join(dir, 'data'))).toThrow();
  });

  it('generates a secret into a new data folder with mode 0600 and returns the same one next time', () => {
    const dataDir = path.join(dir, 'data');
    const first = loadSecret({ dataDir });
    const file = path.join(dataDir, SECRET_FILE_NAME);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(loadSecret({ dataDir })).toBe(first);
  });

  it('warns when an existing secret file is readable by others', () => {
    const file = path.join(dir, SECRET_FILE_NAME);
    writeFileSync(file, 's'.repeat(40));
    chmodSync(file, 0o644);
    const warnings: string[] = [];
    expect(loadSecret({ dataDir: dir, warn: (m) => warnings.push(m) })).toBe('s'.repeat(40));
    expect(warnings).toHaveLength(1);
  });

  it('refuses a secret file that holds too short a secret', () => {
    writeFileSync(path.join(dir, SECRET_FILE_NAME), 'short', { mode: 0o600 });
    expect(() => loadSecret({ dataDir: dir })).toThrow(/shorter than 32/);
  });
});

describe('keys', () => {
  const keys = deriveKeys('k'.repeat(40));

  it('verifies its own tokens until they expire, and not a second later', async () => {
    const now = Date.parse('2026-05-01T10:00:00Z');
    const token = await issueToken(keys, { conversationId: 'c1', userId: 'dl_u' }, now);
    expect(await verifyToken(keys, token, now + 1799_000)).toEqual({ conversationId: 'c1', userId: 'dl_u' });
    expect(await verifyToken(keys, token, now + 1801_000)).toBeUndefined();
    expect(await verifyToken(deriveKeys('j'.repeat(40)), token, now)).toBeUndefined();
  });

  it('gives each conversation its own connector key', () => {
    expect(isConnectorKeyFor(keys, 'c1', connectorKeyFor(keys, 'c1'))).toBe(true);
    expect(isConnectorKeyFor(keys, 'c2', connectorKeyFor(keys, 'c1'))).toBe(false);
    expect(isConnectorKeyFor(keys, 'c1', '')).toBe(false);
  });
});
