/**
 * The bundled list of the most common leaked passwords (see data/common-passwords.txt for its
 * source). Loaded once, lazily; membership is checked case-insensitively.
 */
import { readFileSync } from 'node:fs';
import { projectFile } from '../platform/project-path.js';

let blocklist: ReadonlySet<string> | null = null;

export function commonPasswords(): ReadonlySet<string> {
  if (!blocklist) {
    const text = readFileSync(projectFile('src/accounts/data/common-passwords.txt'), 'utf8');
    blocklist = new Set(text.split('\n').filter((line) => line && !line.startsWith('#')));
  }
  return blocklist;
}
