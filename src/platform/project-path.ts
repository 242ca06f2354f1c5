/**
 * Absolute paths of files shipped with the project (data files, the built console), the same
 * whether the code runs from src/ under tsx or from the compiled dist/src/.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Gatehouse project root');
    dir = parent;
  }
  return dir;
}

const root = findRoot();

export function projectFile(relative: string): string {
  return resolve(root, relative);
}
