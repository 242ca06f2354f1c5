// Compiles the server (tsc → dist/) and builds the console (vite → console/dist/) when its
// sources are newer than the last build, so `npm start` stays quick after the first run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
const consoleIndex = 'console/dist/index.html';
if (existsSync('console/vite.config.ts')) {
  const built = existsSync(consoleIndex) ? statSync(consoleIndex).mtimeMs : 0;
  // Always a production build: under NODE_ENV=test antd makes every generated id "test-id".
  if (newest('console') > built) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
}
