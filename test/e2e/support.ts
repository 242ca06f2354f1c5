/**
 * Browser end-to-end support: a real Gatehouse listening on an ephemeral port (SQLite, outbox
 * mode, light argon2 and an easy captcha as in the HTTP harness), the console built once even
 * when several e2e files start together, and Debian's chromium driven by playwright-core.
 *
 * The server runs on real time plus an offset the test can move (`clock.advance`): cookies carry
 * the server's expiry and the browser compares it with its own clock, so a ManualClock stuck in
 * the past would make every session cookie arrive already expired.
 */
import { execFileSync } from 'node:child_process';
import { after, before } from 'node:test';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { loadConfig } from '../../src/config.js';
import { createGatehouse, type Gatehouse } from '../../src/main.js';
import { decodeBase32 } from '../../src/mfa/primitives/base32.js';
import { generateTotp } from '../../src/mfa/primitives/totp.js';
import type { Clock } from '../../src/platform/clock.js';
import { freshDatabase, type FreshDatabase } from '../support/databases.js';
import { TEST_ARGON2 } from '../support/harness.js';

export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARTEFACTS = 'test-artifacts/e2e';
export const PASSWORD = 'Tr0ubadour-Horse-Staple-42';
export const WIDTHS = { phone: { width: 375, height: 812 }, desktop: { width: 1440, height: 900 } } as const;

const CONSOLE_DIR = 'console';
const CONSOLE_INDEX = 'console/dist/index.html';
const BUILD_LOCK = 'test-artifacts/.console-build.lock';
const BUILD_LOCK_STALE_MS = 5 * 60_000; // a vite build takes ~20 s; a lock this old was left by a killed run
const BUILD_WAIT_MS = 3 * 60_000;

/** Why the browser tests cannot run here, or null. Under CI a missing chromium is a failure. */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  if (process.env.CI === 'true') throw new Error(`chromium not found at ${CHROMIUM_PATH}, and CI requires the browser tests`);
  return `chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM)`;
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

function consoleIsFresh(): boolean {
  return existsSync(CONSOLE_INDEX) && statSync(CONSOLE_INDEX).mtimeMs >= newestMtime(CONSOLE_DIR);
}

/**
 * Builds console/dist when it is missing or older than its sources. A lock file makes a second
 * test file wait for the first one's build instead of building into the same directory.
 */
export async function ensureConsoleBuilt(): Promise<void> {
  mkdirSync('test-artifacts', { recursive: true });
  const deadline = Date.now() + BUILD_WAIT_MS;
  for (;;) {
    // While another file builds, dist/ is half-written (vite empties it first): wait for the lock.
    if (consoleIsFresh() && !existsSync(BUILD_LOCK)) return;
    let fd: number | null = null;
    try {
      fd = openSync(BUILD_LOCK, 'wx');
    } catch {
      if (existsSync(BUILD_LOCK) && Date.now() - statSync(BUILD_LOCK).mtimeMs > BUILD_LOCK_STALE_MS) rmSync(BUILD_LOCK, { force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another console build');
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (!consoleIsFresh()) {
        // The test runner sets NODE_ENV=test, under which antd gives every generated id the same
        // value ("test-id"): every modal would share one title id and labels would point at the
        // wrong inputs. Build exactly as `npm run build` does.
        execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'], {
          stdio: 'inherit',
          env: { ...process.env, NODE_ENV: 'production' },
        });
      }
      return;
    } finally {
      closeSync(fd);
      rmSync(BUILD_LOCK, { force: true });
    }
  }
}

/** Real time plus an offset the test moves, e.g. past a TOTP step or a day between sign-ins. */
export class OffsetClock implements Clock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface E2eGatehouse extends Gatehouse {
  base: string;
  clock: OffsetClock;
  database: FreshDatabase;
  /** JSON call straight to the server (not through the browser), e.g. to prepare sign-ins from chosen IPs. */
  api(method: string, path: string, opts?: { body?: unknown; ip?: string; token?: string }): Promise<{ status: number; body: any }>;
  latestCode(to: string): Promise<string>;
  register(email?: string): Promise<{ id: string; email: string }>;
  createOperator(): Promise<{ email: string; password: string }>;
  /** A fresh captcha challenge from the server, solved as the widget would (for API-side attempts). */
  solvedCaptcha(): Promise<string>;
  /** The current TOTP code for a base32 secret, after moving past the last step used (codes are single-use). */
  totp(secret: string): string;
}

export async function startE2eGatehouse(): Promise<E2eGatehouse> {
  const port = await freePort();
  // localhost, not 127.0.0.1: WebAuthn's RP id must be a domain, and the console's links use it.
  const base = `http://localhost:${port}`;
  const database = await freshDatabase('sqlite');
  const config = loadConfig({
    NODE_ENV: 'test',
    GATEHOUSE_DB: database.raw,
    GATEHOUSE_SECRET_KEY: randomBytes(32).toString('base64'),
    GATEHOUSE_TRUST_PROXY: 'loopback',
    GATEHOUSE_PUBLIC_URL: base,
    GATEHOUSE_LOG_LEVEL: 'warn',
  });
  const clock = new OffsetClock();
  const gatehouse = await createGatehouse(config, {
    clock,
    argon2: { memoryCostKiB: TEST_ARGON2.memoryCostKiB, timeCost: TEST_ARGON2.timeCostParam, parallelism: 1 },
    captcha: { cost: 1, counterMin: 10, counterMax: 40 },
  });
  await gatehouse.app.listen({ port, host: '127.0.0.1' });

  const api: E2eGatehouse['api'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = {};
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (o.ip) headers['x-forwarded-for'] = o.ip;
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const res = await gatehouse.app.inject({ method: method as 'GET', url: path, headers, ...(o.body !== undefined ? { payload: JSON.stringify(o.body) } : {}) });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };
  const latestCode = async (to: string) => {
    const { body } = await api('GET', `/api/v1/dev/outbox?to=${encodeURIComponent(to)}`);
    const m = (body.messages as any[]).find((x) => x.template === 'verification_code');
    const code = m && /\b(\d{6})\b/.exec(m.text)?.[1];
    if (!code) throw new Error(`no verification code sent to ${to}`);
    return code;
  };
  let lastTotpStep = 0;
  return {
    ...gatehouse,
    base,
    clock,
    database,
    api,
    latestCode,
    async register(email = `e2e-${randomBytes(4).toString('hex')}@example.com`) {
      const ip = '1.1.1.1';
      const sent = await api('POST', '/api/v1/verification-codes', { body: { channel: 'email', to: email, purpose: 'register' }, ip });
      if (sent.status !== 202) throw new Error(`code send failed: ${sent.status} ${JSON.stringify(sent.body)}`);
      const res = await api('POST', '/api/v1/accounts', { body: { email, password: PASSWORD, code: await latestCode(email) }, ip });
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.account;
    },
    async createOperator() {
      const email = `op-${randomBytes(4).toString('hex')}@example.com`;
      const password = 'operator horse battery staple';
      await gatehouse.services.operators.create({ email, name: 'E2E Operator', password, role: 'admin' });
      return { email, password };
    },
    async solvedCaptcha() {
      const { version: _v, codeChallenge: _c, ...challenge } = (await api('GET', '/api/v1/captcha')).body;
      const solution = await solveChallenge({ challenge, deriveKey });
      if (!solution) throw new Error('captcha not solved');
      return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    },
    totp(secret) {
      const step = Math.floor(clock.now() / 30_000);
      if (step <= lastTotpStep) clock.advance((lastTotpStep + 1 - step) * 30_000);
      lastTotpStep = Math.floor(clock.now() / 30_000);
      return generateTotp(decodeBase32(secret), clock.now());
    },
    async close() {
      await gatehouse.close();
      await database.drop();
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTEFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser profile; `ip` is what the trusted proxy header claims the client is. */
export async function newContext(browser: Browser, opts: { width?: keyof typeof WIDTHS; locale?: 'en-US' | 'zh-CN'; ip?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: WIDTHS[opts.width ?? 'desktop'], locale: opts.locale ?? 'en-US' });
  if (opts.ip) await context.setExtraHTTPHeaders({ 'x-forwarded-for': opts.ip });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTEFACTS}/${name}.png`, fullPage: true });
}

/**
 * Shows the page at both widths, screenshots each, and checks the phone layout fits: a page
 * wider than the screen means sideways scrolling on a phone. The viewport is restored after.
 */
export async function atBothWidths(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? WIDTHS.desktop;
  await page.mouse.move(0, 0); // no hover tooltip left over from the last click
  await page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').waitFor({ state: 'detached', timeout: 2000 }).catch(() => {});
  await page.setViewportSize(WIDTHS.desktop);
  // Let the page's data arrive before the screenshot; bounded, since a busy machine (the
  // whole suite runs two files at once) can keep the network from ever looking idle.
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize(WIDTHS.phone);
  await page.waitForTimeout(150); // antd's breakpoint observers re-render after the resize event
  await screenshot(page, `${name}-375`);
  const overflow = await page.evaluate(() => {
    const w = globalThis as any; // runs in the page; the server's tsconfig has no DOM types
    const width: number = w.innerWidth;
    const by = w.document.documentElement.scrollWidth - width;
    if (by <= 1) return null;
    // Name the outermost elements sticking out, so the failure says what to fix.
    const sticksOut = (e: any) => e && e.getBoundingClientRect().right > width + 1;
    const out = [...w.document.body.querySelectorAll('*')].filter((e: any) => sticksOut(e) && !sticksOut(e.parentElement));
    return `${by}px, at ${out.slice(0, 3).map((e: any) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`).join(', ')}`;
  });
  if (overflow) throw new Error(`${name} is wider than a 375px screen by ${overflow}`);
  await page.setViewportSize(original);
}

/**
 * The set-up every browser suite shares: inside a `describe`, builds the console if stale,
 * starts a Gatehouse and Chromium before the tests and closes both after.
 */
export function useBrowserSuite(assign: (g: E2eGatehouse, browser: Browser) => void): void {
  let g: E2eGatehouse | undefined;
  let browser: Browser | undefined;
  before(async () => {
    await ensureConsoleBuilt();
    g = await startE2eGatehouse();
    browser = await launchChromium();
    assign(g, browser);
  });
  after(async () => {
    await browser?.close();
    await g?.close();
  });
}
