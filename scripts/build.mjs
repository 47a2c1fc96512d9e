#!/usr/bin/env node
// Compiles the server into dist/ with esbuild (about a second): our TypeScript bundled, every npm
// package left to require() from node_modules, source maps so stack traces name .ts lines
// (run with --enable-source-maps). Paths to shipped files come from bot/paths.ts, never __dirname.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: 'bot/index.ts', 'bench/server': 'bench/server.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
