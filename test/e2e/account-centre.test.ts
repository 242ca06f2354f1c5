/**
 * A newcomer's journeys through the Account Centre in a real browser against a real server:
 * sign up with the emailed code, sign in, sign another session out, enrol a virtual MFA
 * device, turn login protection on and sign in with the authenticator's code. The main pages
 * are screenshotted at 1440 and 375 px into test-artifacts/e2e/ and must fit a phone screen.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import {
  atBothWidths, browserSkipReason, ensureConsoleBuilt, launchChromium, newContext, PASSWORD, screenshot, startE2eGatehouse, type E2eGatehouse,
} from './support.js';

const skip = browserSkipReason();

describe('account centre in the browser', { skip: skip ?? false }, () => {
  let g: E2eGatehouse;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const email = `newcomer-${Date.now()}@example.com`;
  let secret = '';

  before(async () => {
    await ensureConsoleBuilt();
    g = await startE2eGatehouse();
    browser = await launchChromium();
    ({ page, errors } = await newContext(browser, { ip: '1.1.1.1' }));
  });
  after(async () => {
    await browser?.close();
    await g?.close();
  });

  const submit = () => page.locator('form button[type=submit]').first().click();
  const stepUpIfAsked = async () => {
    const dialog = page.getByRole('dialog', { name: 'Verify your identity' });
    if (await dialog.waitFor({ timeout: 3000 }).then(() => true, () => false)) {
      await dialog.getByLabel('Verification code').fill(g.totp(secret));
      await dialog.getByRole('button', { name: 'Verify' }).click();
    }
  };

  test('the console is served: index.html revalidated on every load, a missing bundle is a 404', async () => {
    for (const path of ['/', '/security', '/not-me/abc']) {
      const res = await fetch(`${g.base}${path}`);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/, path);
      assert.equal(res.headers.get('cache-control'), 'no-cache', `${path}: a rebuilt console must be picked up`);
      const bundle = /src="(\/assets\/[^"]+\.js)"/.exec(await res.text())?.[1];
      assert.ok(bundle, 'index.html names its bundle');
      const js = await fetch(`${g.base}${bundle}`);
      assert.equal(js.status, 200);
      assert.match(js.headers.get('cache-control') ?? '', /immutable/);
      await js.arrayBuffer();
    }
    const api = await fetch(`${g.base}/api/v1/me`);
    assert.equal(api.status, 401);
    assert.equal(api.headers.get('cache-control'), 'no-store', 'API answers are never cached');
    await api.arrayBuffer();
    const missing = await fetch(`${g.base}/assets/index-00000000.js`);
    assert.equal(missing.status, 404, 'not index.html served as JavaScript');
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  test('public pages render their title and fit a phone, in English and Chinese', async () => {
    const pages = ['signin', 'signup', 'forgot-password', 'help/code-not-received', 'help/account-lookup', 'help/lost-mfa', 'help/phone-change', 'no-such-page'];
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const visitor = await newContext(browser, { locale });
      for (const p of pages) {
        await visitor.page.goto(`${g.base}/${p}`);
        await visitor.page.locator(p === 'no-such-page' ? '.ant-result-404' : 'h1').first().waitFor();
        await atBothWidths(visitor.page, `${locale === 'zh-CN' ? 'zh-CN-' : ''}public-${p.replace(/\//g, '-')}`);
      }
      assert.deepEqual(visitor.errors, [], `no uncaught errors (${locale})`);
      await visitor.context.close();
    }
  });

  test('sign up with the emailed code', async () => {
    await page.goto(`${g.base}/signup`);
    await page.getByLabel('Email', { exact: true }).fill(email);
    // The code is read from the dev outbox as soon as the send request has answered.
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/verification-codes'));
    await page.getByRole('button', { name: 'Send code' }).click();
    assert.equal((await sent).status(), 202);
    await page.getByLabel('Email verification code').fill(await g.latestCode(email));
    await page.locator('input[type=password]').nth(0).fill(PASSWORD);
    await page.locator('input[type=password]').nth(1).fill(PASSWORD);
    await submit();
    await page.getByText('Account created').waitFor();
    const account = await g.services.database.db.selectFrom('accounts').select(['id']).where('email', '=', email).executeTakeFirst();
    assert.ok(account, 'the account exists');
    await page.getByText(account.id).first().waitFor(); // the page tells the user their account ID
    await screenshot(page, 'signup-done-1440');
  });

  test('sign in and see one\'s own account', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Keyboard only: type, Tab to the password, Enter submits.
    await page.getByLabel('Email, phone or account ID').fill(email);
    await page.keyboard.press('Tab');
    await page.locator('input[type=password]:focus').waitFor();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${g.base}/`);
    await page.getByText(email).first().waitFor();
    await atBothWidths(page, 'account-overview');
  });

  test('sessions: the current one is marked, another is signed out', async () => {
    const other = await g.api('POST', '/api/v1/sessions', { body: { identifier: email, password: PASSWORD }, ip: '8.8.8.8' });
    assert.equal(other.status, 201);
    await page.goto(`${g.base}/sessions`);
    await page.getByText('This device').waitFor();
    const otherRow = page.locator('tr', { hasText: '8.8.8.8' });
    await otherRow.waitFor();
    await atBothWidths(page, 'sessions');
    await otherRow.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Session signed out').waitFor();
    await otherRow.waitFor({ state: 'detached' });
    assert.equal((await g.api('GET', '/api/v1/me', { token: other.body.token })).status, 401, 'the revoked session no longer works');
    await page.getByText('This device').waitFor();
  });

  test('enrol a virtual MFA device from the QR secret and turn login protection on', async () => {
    await page.goto(`${g.base}/security`);
    await page.getByRole('button', { name: 'Add virtual MFA' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Next' }).click();
    secret = (await dialog.locator('code').first().innerText()).replace(/\s+/g, '');
    assert.match(secret, /^[A-Z2-7]+=*$/, 'the manual-entry secret is base32');
    await screenshot(page, 'security-totp-qr-1440');
    await dialog.getByLabel('Code from the app').fill(g.totp(secret));
    await dialog.getByRole('button', { name: 'Activate' }).click();
    await page.getByText('Virtual MFA device activated').waitFor();

    await page.getByRole('switch', { name: 'Login protection', exact: true }).click();
    await stepUpIfAsked();
    await page.getByRole('switch', { name: 'Login protection', exact: true, checked: true }).waitFor();
    await atBothWidths(page, 'security');
  });

  test('sign out everywhere, then sign in with password and the authenticator code', async () => {
    await page.goto(`${g.base}/sessions`);
    await page.getByRole('button', { name: 'Sign out of all sessions' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await stepUpIfAsked();
    await page.waitForURL(/\/signin/);
    await page.getByLabel('Email, phone or account ID').fill(email);
    await page.locator('input[type=password]').fill(PASSWORD);
    await submit();
    await page.getByText('Login protection is on').waitFor();
    await page.getByLabel('Verification code').fill(g.totp(secret));
    await screenshot(page, 'signin-second-step-1440');
    await submit();
    await page.waitForURL(`${g.base}/`);
    await page.getByText(email).first().waitFor();
    for (const p of ['logins', 'audit']) {
      await page.goto(`${g.base}/${p}`);
      await page.locator('h1').waitFor();
      await atBothWidths(page, p);
    }
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  });
});
