#!/usr/bin/env node
// `prisma generate` without the native schema engine (see docs/prisma-offline.md):
// the CLI insists on a schema-engine binary path before it starts, but generate never runs it,
// so any existing file will do. process.execPath exists on every platform.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
process.exit(result.status ?? 1);
