/**
 * Browser journeys with a security key and the step-up dialog: a WebAuthn key registered
 * through the console with Chromium's virtual authenticator (a CDP session), login protection
 * turned on, then a sign-in whose second step is that key; and a password change under
 * operation protection, where the step-up dialog asks for an emailed code (read from the dev
 * outbox) before the change goes through.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  atBothWidths, browserSkipReason, newContext, PASSWORD, screenshot, WIDTHS, type E2eGatehouse, useBrowserSuite,
} from './support.js';

const skip = browserSkipReason();
const NEW_PASSWORD = 'Correct-Lantern-Otter-Meadow-77';
const KEY_NAME = 'Blue YubiKey';

describe('security keys and the step-up dialog in the browser', { skip: skip ?? false }, () => {
  let g: E2eGatehouse;
  let browser: Browser;

  useBrowserSuite((started, launched) => {
    g = started;
    browser = launched;
  });

  /** The ids of the messages already in the outbox, so a new code can be told from old ones. */
  const outboxIds = async (to: string): Promise<Set<string>> =>
    new Set(((await g.api('GET', `/api/v1/dev/outbox?to=${encodeURIComponent(to)}`)).body.messages as { id: string }[]).map((m) => m.id));

  /** The code of a verification message sent after `seen` was taken. */
  const newCode = async (to: string, seen: Set<string>): Promise<string> => {
    const { body } = await g.api('GET', `/api/v1/dev/outbox?to=${encodeURIComponent(to)}`);
    const m = (body.messages as { id: string; text: string }[]).find((x) => !seen.has(x.id) && /\b\d{6}\b/.test(x.text));
    const code = m && /\b(\d{6})\b/.exec(m.text)?.[1];
    if (!code) throw new Error(`no new verification code sent to ${to}`);
    return code;
  };

  const signIn = async (page: Page, email: string, password = PASSWORD) => {
    await page.goto(`${g.base}/signin`);
    await page.getByLabel('Email, phone or account ID').fill(email);
    await page.locator('input[type=password]').fill(password);
    await page.locator('form button[type=submit]').first().click();
  };

  /**
   * Completes the step-up dialog if the server asked for one: with the security key when it
   * is offered (the virtual authenticator answers by itself), otherwise with an emailed code.
   */
  const stepUpIfAsked = async (page: Page, email: string) => {
    const dialog = page.getByRole('dialog', { name: 'Verify your identity' });
    if (!(await dialog.waitFor({ timeout: 3000 }).then(() => true, () => false))) return;
    await dialog.getByText('This is a protected operation.').waitFor();
    const keyChoice = dialog.getByRole('radio', { name: 'Security key' });
    const useKey = dialog.getByRole('button', { name: 'Use my security key' });
    if (await keyChoice.count()) await keyChoice.check();
    if (await keyChoice.count() || await useKey.count()) {
      await useKey.click();
    } else {
      await verifyWithEmail(page, email);
    }
    await dialog.waitFor({ state: 'detached' });
  };

  const verifyWithEmail = async (page: Page, email: string) => {
    const dialog = page.getByRole('dialog', { name: 'Verify your identity' });
    const emailChoice = dialog.getByRole('radio', { name: 'Email code' });
    if (await emailChoice.count()) await emailChoice.check();
    await dialog.getByText('We will send a code to your email.').waitFor();
    const seen = await outboxIds(email);
    const sent = page.waitForResponse((r) => /^\/api\/v1\/verifications\/[^/]+\/send$/.test(new URL(r.url()).pathname));
    await dialog.getByRole('button', { name: 'Send code' }).click();
    assert.ok((await sent).ok(), 'the step-up code was sent');
    await dialog.getByLabel('Verification code').fill(await newCode(email, seen));
    await dialog.getByRole('button', { name: 'Verify' }).click();
  };

  test('register a security key, turn login protection on, sign in with password and the key', async () => {
    const { email } = await g.register();
    const { context, page, errors } = await newContext(browser, { ip: '1.1.1.1' });
    await addVirtualAuthenticator(context, page);

    await signIn(page, email);
    await page.waitForURL(`${g.base}/`);
    await page.goto(`${g.base}/security`);
    await page.getByRole('button', { name: 'Add security key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add security key' });
    await dialog.getByLabel('Name').fill(KEY_NAME);
    await screenshot(page, 'security-key-add-1440');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await stepUpIfAsked(page, email);
    await page.getByText('Security key added').waitFor();
    const row = page.locator('tr', { hasText: KEY_NAME });
    await row.getByText('Security key', { exact: true }).waitFor(); // listed with its type
    const devices = (await g.api('GET', '/api/v1/me', { token: await sessionToken(context) })).body.mfa as { type: string; name: string }[];
    assert.deepEqual(devices.map((d) => [d.type, d.name]), [['webauthn', KEY_NAME]]);

    await page.getByRole('switch', { name: 'Login protection', exact: true }).click();
    await stepUpIfAsked(page, email);
    await page.getByRole('switch', { name: 'Login protection', exact: true, checked: true }).waitFor();
    // If the switch left the methods open, choose the security key, as the user would.
    const methods = page.locator('.ant-select', { has: page.getByLabel('Verification methods') }).first();
    if (!(await methods.getByText('Security key').count())) {
      await methods.click();
      await page.locator('.ant-select-item-option', { hasText: 'Security key' }).click();
      await stepUpIfAsked(page, email); // saving the choice is itself protected
      await methods.getByText('Security key').waitFor();
      await page.keyboard.press('Escape'); // the multiple select stays open after a choice; no dialog is left to close
    }
    await screenshot(page, 'security-key-listed-1440');

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await signIn(page, email);
    await page.getByText('Login protection is on for this account: one more step is needed.').waitFor();
    const keyChoice = page.getByRole('radio', { name: 'Security key' });
    if (await keyChoice.count()) await keyChoice.check();
    await page.getByText('Insert or touch your security key when the browser asks.').waitFor();
    await screenshot(page, 'signin-security-key-1440');
    const verified = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/sessions/verify');
    await page.getByRole('button', { name: 'Use my security key' }).click();
    assert.equal((await verified).status(), 201, 'the key completes the sign-in');
    await page.waitForURL(`${g.base}/`);
    await page.getByText(email).first().waitFor();
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
    await context.close();
  });

  test('operation protection on, changing the password opens the step-up dialog, verified with an emailed code', async () => {
    const { email } = await g.register();
    const { context, page, errors } = await newContext(browser, { ip: '1.1.1.1' });
    await signIn(page, email);
    await page.waitForURL(`${g.base}/`);
    await page.goto(`${g.base}/security`);
    await page.getByRole('switch', { name: 'Operation protection', exact: true }).click();
    await stepUpIfAsked(page, email);
    await page.getByRole('switch', { name: 'Operation protection', exact: true, checked: true }).waitFor();

    await page.getByRole('button', { name: 'Change', exact: true }).first().click(); // the password row comes first
    const change = page.getByRole('dialog', { name: 'Change password' });
    await change.getByLabel('Current password').fill(PASSWORD);
    await change.getByLabel('New password').fill(NEW_PASSWORD);
    await change.getByLabel('Confirm password').fill(NEW_PASSWORD);
    await change.getByRole('button', { name: 'Save' }).click();

    const stepUp = page.getByRole('dialog', { name: 'Verify your identity' });
    await stepUp.getByText('This is a protected operation. Verify it is you to continue.').waitFor();
    const emailChoice = stepUp.getByRole('radio', { name: 'Email code' });
    if (await emailChoice.count()) await emailChoice.check();
    await stepUp.getByText('We will send a code to your email.').waitFor();
    await atBothWidths(page, 'stepup-dialog'); // the page with the dialog must fit a phone screen too
    await page.setViewportSize(WIDTHS.phone);
    await page.waitForTimeout(150); // antd re-lays the modal out after the resize event
    const box = await stepUp.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= WIDTHS.phone.width, `the step-up dialog fits 375 px: ${JSON.stringify(box)}`);
    await stepUp.getByRole('button', { name: 'Send code' }).scrollIntoViewIfNeeded();
    await page.setViewportSize(WIDTHS.desktop);
    await verifyWithEmail(page, email);
    await stepUp.waitFor({ state: 'detached' });
    await page.getByText('Password changed. Other sessions were signed out.').waitFor();
    await change.waitFor({ state: 'hidden' });
    await screenshot(page, 'stepup-password-changed-1440');

    assert.equal((await g.api('POST', '/api/v1/sessions', { body: { identifier: email, password: NEW_PASSWORD }, ip: '1.1.1.1' })).status, 201, 'the new password signs in');
    assert.equal((await g.api('POST', '/api/v1/sessions', { body: { identifier: email, password: PASSWORD }, ip: '1.1.1.1' })).status, 401, 'the old one no longer does');
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
    await context.close();
  });
});

/** Chromium's virtual authenticator: a resident-key, user-verifying USB key that answers at once. */
async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'usb', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

/** The browser's session cookie, to check on the server what the page claims. */
async function sessionToken(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'gh_session');
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}
