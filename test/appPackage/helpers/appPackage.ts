import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManifestValues } from '../../../scripts/package-teams';

export const repoRoot = join(__dirname, '..', '..', '..');
export const appPackageDir = join(repoRoot, 'appPackage');

/** Ids and host as a deployment would set them; the two GUIDs differ so a mix-up shows. */
export const sampleValues: ManifestValues = {
  MICROSOFT_APP_ID: '6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7',
  TEAMS_APP_ID: 'a0b1c2d3-e4f5-4a6b-8c7d-8e9f0a1b2c3d',
  BOT_DOMAIN: 'pseb-assist.example.org',
  APP_VERSION: '1.2.3',
};

/** The committed manifest template, parsed. */
export function readTemplate(): unknown {
  return JSON.parse(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8'));
}

/** A fresh temp dir, removed by the returned cleanup. */
export function makeTempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `pseb-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies the app package sources (not build/) into `dir`, so a test can break one file. */
export function copyAppPackageSources(dir: string): void {
  cpSync(appPackageDir, dir, { recursive: true, filter: (src) => !src.startsWith(join(appPackageDir, 'build')) });
}
