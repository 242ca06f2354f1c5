// A newcomer's journeys through the built console against a REAL Gatehouse server in outbox
// mode (codes are read from the dev outbox). Writes screenshots to test-artifacts/console-real/.
//
//   GATEHOUSE_TRUST_PROXY=loopback GATEHOUSE_NOTIFY=outbox npm start      # or any running server
//   GATEHOUSE_ADMIN_PASSWORD='…' node bin/gatehouse.mjs admin create --email ops@example.com --name Ops --role admin
//   BASE_URL=http://127.0.0.1:8080 ADMIN_EMAIL=ops@example.com ADMIN_PASSWORD='…' node console/dev/journeys.mjs
import { createHmac } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const OUT = process.env.OUT_DIR ?? 'test-artifacts/console-real';
const EMAIL = `newcomer-${Date.now()}@example.com`;
const PASSWORD = 'Tr0ubadour-Horse-Staple-42';
await mkdir(OUT, { recursive: true });

function totp(secret, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
/** A code for a 30-second step not used before (a TOTP code is accepted at most once). */
let lastStep = 0;
async function freshTotp(secret) {
  while (Math.floor(Date.now() / 30_000) <= lastStep) await new Promise((r) => setTimeout(r, 1000));
  lastStep = Math.floor(Date.now() / 30_000);
  return totp(secret);
}
async function latestCode(to) {
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${BASE}/api/v1/dev/outbox?to=${encodeURIComponent(to)}`);
    const { messages } = await res.json();
    const m = messages.find((x) => x.template === 'verification_code');
    const code = m && /\b(\d{6})\b/.exec(m.text)?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no code for ${to}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
const page = await context.newPage();
page.on('pageerror', (err) => console.log('pageerror:', err.message));
const shot = (name) => page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
const step = (s) => console.log('·', s);
const submit = () => page.locator('form button[type=submit]').first().click();

step('sign up with the emailed code');
await page.goto(`${BASE}/signup`);
await page.getByLabel('Email', { exact: true }).fill(EMAIL);
await page.getByRole('button', { name: 'Send code' }).click();
await page.getByLabel('Email verification code').fill(await latestCode(EMAIL));
await page.locator('input[type=password]').nth(0).fill(PASSWORD);
await page.locator('input[type=password]').nth(1).fill(PASSWORD);
await submit();
await page.getByText('Account created').waitFor();
await shot('01-signed-up');

step('sign in');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.locator('input[type=password]').fill(PASSWORD);
await submit();
await page.waitForURL(`${BASE}/`);
await page.getByText(EMAIL).first().waitFor();
await shot('02-account');

step('enrol virtual MFA with the QR secret');
await page.goto(`${BASE}/security`);
await page.getByRole('button', { name: 'Add virtual MFA' }).click();
await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();
const secret = (await page.getByRole('dialog').locator('code').first().innerText()).trim();
await shot('03-totp-qr');
await page.getByRole('dialog').getByLabel('Code from the app').fill(await freshTotp(secret));
await page.getByRole('dialog').getByRole('button', { name: 'Activate' }).click();
await page.getByText('Virtual MFA device activated').waitFor();

step('turn login protection on (a protected operation: step-up if asked)');
await page.getByRole('switch', { name: 'Login protection', exact: true }).click();
const dialog = page.getByRole('dialog', { name: 'Verify your identity' });
if (await dialog.waitFor({ timeout: 3000 }).then(() => true, () => false)) {
  await dialog.getByLabel('Verification code').fill(await freshTotp(secret));
  await dialog.getByRole('button', { name: 'Verify' }).click();
}
await page.getByRole('switch', { name: 'Login protection', exact: true, checked: true }).waitFor();
await shot('04-security');

step('sign out, sign in again with the authenticator code');
await page.goto(`${BASE}/sessions`);
await page.getByRole('button', { name: 'Sign out of all sessions' }).click();
await page.getByRole('button', { name: 'Confirm' }).click();
const stepUp = page.getByRole('dialog', { name: 'Verify your identity' });
if (await stepUp.waitFor({ timeout: 3000 }).then(() => true, () => false)) {
  await stepUp.getByLabel('Verification code').fill(await freshTotp(secret));
  await stepUp.getByRole('button', { name: 'Verify' }).click();
}
await page.waitForURL(/\/signin/);
await page.getByLabel('Email, phone or account ID').fill(EMAIL);
await page.locator('input[type=password]').fill(PASSWORD);
await submit();
await page.getByText('Login protection is on').waitFor();
await page.getByLabel('Verification code').fill(await freshTotp(secret));
await shot('05-second-step');
await submit();
await page.waitForURL(`${BASE}/`);

step('login history, messages, audit');
for (const p of ['logins', 'messages', 'audit', 'sessions']) {
  await page.goto(`${BASE}/${p}`);
  await page.locator('h1').waitFor();
  await page.waitForLoadState('networkidle');
  await shot(`06-${p}`);
}

step('report a wrong IP location');
await page.goto(`${BASE}/ip-report?ip=203.0.113.9&country=China&region=Guangdong&city=Shenzhen`);
await page.getByLabel('Notes (optional)').fill('Our office VPN exit');
await submit();
await page.getByText('Report submitted').waitFor();

step('three wrong passwords, then the captcha');
const other = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
const p2 = await other.newPage();
await p2.goto(`${BASE}/signin`);
for (let i = 0; i < 4; i++) {
  await p2.getByLabel('邮箱、手机号或账号 ID').fill(EMAIL);
  await p2.locator('input[type=password]').fill('wrong password');
  await Promise.all([p2.waitForResponse((r) => r.url().endsWith('/api/v1/sessions')), p2.locator('form button[type=submit]').first().click()]);
}
await p2.locator('altcha-widget').waitFor();
await p2.screenshot({ path: `${OUT}/07-captcha-375.png`, fullPage: true });
await p2.locator('altcha-widget input[type=checkbox]').focus();
await p2.keyboard.press('Space');
await p2.waitForFunction(() => document.querySelector('altcha-widget')?.getState?.() === 'verified', null, { timeout: 60_000 });
await p2.locator('input[type=password]').fill(PASSWORD);
await p2.locator('form button[type=submit]').first().click();
await p2.getByRole('heading', { name: '身份验证' }).waitFor();
await p2.screenshot({ path: `${OUT}/08-captcha-solved-second-step-375.png`, fullPage: true });

if (process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD) {
  step('operator: sign in, look the newcomer up, audit chain');
  await page.goto(`${BASE}/admin`);
  await page.waitForURL(/\/admin\/signin/);
  await page.getByLabel('Operator email').fill(process.env.ADMIN_EMAIL);
  await page.locator('input[type=password]').fill(process.env.ADMIN_PASSWORD);
  await submit();
  await page.waitForURL(`${BASE}/admin`);
  await page.locator('.ant-input-search input').fill(EMAIL);
  await page.keyboard.press('Enter');
  await page.locator('.ant-card').first().waitFor();
  await shot('09-admin-account');
  step('operator: accept the IP-location report with a reason');
  await page.goto(`${BASE}/admin/reviews/ip-location-reports`);
  await page.getByRole('button', { name: 'Approve' }).first().click();
  await page.getByRole('dialog').getByRole('textbox').fill('Matches the customer\'s office');
  await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await page.getByText('Saved').waitFor();
  await page.getByText('Accepted').first().click();
  await page.getByText('203.0.113.9').first().waitFor();
  for (const q of ['phone-changes', 'mfa-unbinding', 'ip-location-reports']) {
    await page.goto(`${BASE}/admin/reviews/${q}`);
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(`10-admin-${q}`);
  }
  await page.goto(`${BASE}/admin/deliveries`);
  await page.waitForLoadState('networkidle');
  await shot('11-admin-deliveries');
  await page.goto(`${BASE}/admin/audit`);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await page.locator('.ant-alert').first().waitFor();
  await shot('12-admin-audit');
}

await browser.close();
console.log(`ok: ${EMAIL}; screenshots in ${OUT}`);
