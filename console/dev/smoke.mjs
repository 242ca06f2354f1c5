// Smoke run of the built console against dev/mock-server.mjs in headless Chromium:
// walks the main pages at 1440 px and 375 px and writes screenshots to
// test-artifacts/console/. Prints browser console errors; exits 1 on page errors.
//
//   npx vite build --config console/vite.config.ts
//   node console/dev/mock-server.mjs &   node console/dev/smoke.mjs
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:5174';
const OUT = process.env.OUT_DIR ?? 'test-artifacts/console';
await mkdir(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];

async function session(width, locale) {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 812 : 900 }, locale });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`[${width}] pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of (401|403|428|423)/.test(msg.text())) problems.push(`[${width}] console: ${msg.text()}`);
  });
  return { context, page };
}
const shot = (page, name) => page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });

async function signIn(page, wrong = 0) {
  await page.goto(`${BASE}/signin`);
  for (let i = 0; i < wrong; i++) {
    await page.getByLabel(/Email, phone or account ID|邮箱、手机号或账号 ID/).fill('demo@example.com');
    await page.locator('input[type=password]').fill('wrong password');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/sessions')),
      page.locator('form button[type=submit]').first().click(),
    ]);
  }
  await page.getByLabel(/Email, phone or account ID|邮箱、手机号或账号 ID/).fill('demo@example.com');
  await page.locator('input[type=password]').fill('correct horse battery');
}

process.on('unhandledRejection', () => undefined);
for (const [width, locale] of [[1440, 'en-US'], [375, 'zh-CN']]) {
  const tag = `${width}`;
  console.log("run", tag);
  const { context, page } = await session(width, locale);
  await page.goto(`${BASE}/signin`);
  await page.waitForSelector('form');
  await shot(page, `${tag}-signin`);

  // three wrong passwords, then the fourth attempt is answered 428 and shows the captcha
  await signIn(page, 4);
  await page.locator('altcha-widget').waitFor();
  await shot(page, `${tag}-signin-captcha`);
  // keyboard, as a keyboard-only user would
  await page.locator('altcha-widget input[type=checkbox]').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('altcha-widget')?.getState?.() === 'verified', null, { timeout: 30_000 });
  await page.locator('form button[type=submit]').first().click();
  await page.waitForURL(`${BASE}/`);
  await page.getByText('100012345678').first().waitFor();
  await shot(page, `${tag}-account`);

  for (const path of ['security', 'sessions', 'logins', 'messages', 'audit', 'ip-report']) {
    await page.goto(`${BASE}/${path}`);
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, `${tag}-${path}`);
  }

  // operation protection: switching a protection asks for step-up verification
  await page.goto(`${BASE}/security`);
  await page.getByRole('switch').nth(2).click();
  await page.getByRole('dialog').getByRole('textbox').waitFor();
  await page.screenshot({ path: `${OUT}/${tag}-stepup.png` });
  await page.getByRole('dialog').getByRole('textbox').fill('123456');
  await page.getByRole('dialog').getByRole('button', { name: /^(Verify|验 ?证)$/ }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' }).catch(() => undefined);

  if (width > 500) {
    // sign-up: weak password reasons from details.reasons
    await page.goto(`${BASE}/signup`);
    await page.getByLabel('Email', { exact: true }).fill('new@example.com');
    await page.getByLabel('Email verification code').fill('123456');
    await page.locator('input[type=password]').nth(0).fill('short');
    await page.locator('input[type=password]').nth(1).fill('short');
    await page.locator('form button[type=submit]').click();
    await page.getByText('The password is too short.').waitFor();
    await shot(page, `${tag}-signup-weak`);
    // second step: 202 verification_required → choose a method → code
    await page.goto(`${BASE}/signin`);
    await page.getByLabel(/Email, phone or account ID/).fill('mfa@example.com');
    await page.locator('input[type=password]').fill('correct horse battery');
    await page.locator('form button[type=submit]').first().click();
    await page.getByText(/not usually sign in from/).waitFor();
    await shot(page, `${tag}-signin-second-step`);
    await page.getByLabel('Verification code').fill('000000');
    await page.locator('form button[type=submit]').click();
    await page.getByText('The code is wrong.').waitFor();
    await page.getByLabel('Verification code').fill('123456');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`${BASE}/`);
  }

  if (width < 500) {
    await page.getByRole('button', { name: /Open menu|打开菜单/ }).click();
    await page.locator('.ant-drawer-open').waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${OUT}/${tag}-drawer.png` });
    await page.keyboard.press('Escape');
  }

  for (const path of ['help/code-not-received', 'help/lost-mfa']) {
    await page.goto(`${BASE}/${path}`);
    await page.locator('h1').waitFor();
    await shot(page, `${tag}-${path.replace('/', '-')}`);
  }

  // operator console
  await page.goto(`${BASE}/admin`);
  await page.waitForURL(/\/admin\/signin/);
  await page.locator('input[autocomplete=username]').fill('ops@example.com');
  await page.locator('input[type=password]').fill('correct horse battery');
  await page.locator('form button[type=submit]').first().click();
  await page.waitForURL(`${BASE}/admin`);
  await page.getByRole('button', { name: /Search|查 ?询/ }).last().waitFor();
  await page.locator('.ant-input-search input').fill('demo@example.com');
  await page.keyboard.press('Enter');
  await page.locator('.ant-card').first().waitFor();
  await shot(page, `${tag}-admin-accounts`);
  // an operator decides a ticket: approve an MFA unbind request (1440), accept an IP report with a reason (375)
  const queue = width > 500 ? 'mfa-unbinding' : 'ip-location-reports';
  await page.goto(`${BASE}/admin/reviews/${queue}`);
  await page.getByRole('button', { name: /Approve|通 ?过/ }).first().waitFor();
  await shot(page, `${tag}-admin-reviews`);
  if (width > 500) {
    await page.getByRole('button', { name: /Documents|证件资料/ }).first().click();
    await page.getByRole('dialog').locator('img').first().waitFor();
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: /Approve|通 ?过/ }).first().click();
  if (width < 500) await page.getByRole('dialog').getByRole('textbox').fill('Confirmed: company VPN exit in Shenzhen');
  await page.getByRole('dialog').getByRole('button', { name: /Approve|通 ?过/ }).click();
  await page.locator('.ant-btn-sm', { hasText: /Approve|通 ?过/ }).waitFor({ state: 'detached' });
  await page.goto(`${BASE}/admin/audit`);
  await page.getByRole('button', { name: /Verify chain|校验哈希链/ }).click();
  await page.locator('.ant-alert-success').waitFor();
  await shot(page, `${tag}-admin-audit`);
  // operator sign-out through the header menu
  await page.getByRole('button', { name: /Account menu|账号菜单/ }).click();
  await page.getByRole('menuitem', { name: /Sign out|退出登录/ }).click();
  await page.waitForURL(/\/admin\/signin/);
  await context.close();
}

await browser.close();
for (const p of problems) console.log(p);
console.log(problems.some((p) => p.includes('pageerror')) ? 'FAILED' : `ok: screenshots in ${OUT}`);
process.exit(problems.some((p) => p.includes('pageerror')) ? 1 : 0);
