/**
 * Where the shipped files live. Code runs from source under tsx (bot/…/x.ts) and from the compiled
 * bundle (dist/index.js), so no module may build paths from its own __dirname: everything starts
 * from the project root, the nearest folder upwards that holds package.json.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findRoot(__dirname);

/** A path inside the project, e.g. `fromRoot('locales')`. */
export function fromRoot(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
