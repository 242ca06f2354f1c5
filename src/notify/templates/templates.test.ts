import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LOCALES,
  SMS_PARAM_ORDER,
  TEMPLATE_IDS,
  renderMessage,
  renderTemplate,
  type Brand,
  type TemplateId,
  type TemplateParams,
} from './index.js';

const brand: Brand = {
  productName: 'Gatehouse',
  searchKeyword: 'Gatehouse',
  senderEmail: 'noreply@gatehouse.example',
  consoleUrl: 'https://console.gatehouse.example',
};

const NOT_ME = 'https://console.gatehouse.example/not-me?token=t0k3n';

/** Every template with all of its parameters, optional ones included. */
const FULL: { [K in TemplateId]: TemplateParams[K] } = {
  verification_code: { code: '482913', purpose: 'sign_in', expiresInMinutes: 5 },
  remote_login: { time: '2026-01-02 15:04', ip: '203.0.113.9', location: 'Shenzhen, CN', device: 'Chrome 126 on macOS', notMeUrl: NOT_ME },
  long_interval_login: { time: '2026-01-02 15:04', ip: '203.0.113.9', location: 'Shenzhen, CN', previousTime: '2025-06-30 09:00', notMeUrl: NOT_ME },
  account_locked: { lockedUntil: '2026-01-03 15:04', ip: '198.51.100.7' },
  password_changed: { time: '2026-01-02 15:04', ip: '203.0.113.9', detail: 'via the console', notMeUrl: NOT_ME },
  security_setting_changed: { time: '2026-01-02 15:04', ip: '203.0.113.9', detail: 'remote-login protection off', notMeUrl: NOT_ME },
  mfa_bound: { time: '2026-01-02 15:04', ip: '203.0.113.9', detail: 'TOTP', notMeUrl: NOT_ME },
  mfa_unbound: { time: '2026-01-02 15:04', ip: '203.0.113.9', detail: 'TOTP', notMeUrl: NOT_ME },
  contact_changed: { time: '2026-01-02 15:04', ip: '203.0.113.9', detail: 'phone +86 138****0000', notMeUrl: NOT_ME },
  sessions_revoked: { time: '2026-01-02 15:04', ip: '203.0.113.9', detail: '3 sessions', notMeUrl: NOT_ME },
  realname_result: { result: 'rejected', reason: 'photo is blurred' },
  realname_status_changing: { effectiveAt: '2026-02-01', reason: 'ID card expired' },
  ticket_update: { ticketId: 'T-1024', status: 'awaiting_reply', comment: 'Could you send a screenshot?' },
};

/** The same with every optional parameter left out. */
const MINIMAL: { [K in TemplateId]: TemplateParams[K] } = {
  ...FULL,
  password_changed: { time: '2026-01-02 15:04' },
  security_setting_changed: { time: '2026-01-02 15:04' },
  mfa_bound: { time: '2026-01-02 15:04' },
  mfa_unbound: { time: '2026-01-02 15:04' },
  contact_changed: { time: '2026-01-02 15:04' },
  sessions_revoked: { time: '2026-01-02 15:04' },
  realname_result: { result: 'approved' },
  ticket_update: { ticketId: 'T-1024', status: 'resolved' },
};

function render<K extends TemplateId>(id: K, locale: (typeof LOCALES)[number], params: { [T in TemplateId]: TemplateParams[T] }) {
  return renderTemplate(id, locale, params[id], brand);
}

for (const locale of LOCALES) {
  for (const id of TEMPLATE_IDS) {
    for (const [label, params] of [['full', FULL], ['minimal', MINIMAL]] as const) {
      test(`${id} × ${locale} (${label}) renders cleanly`, () => {
        const r = render(id, locale, params);
        for (const [part, value] of Object.entries({ subject: r.subject, text: r.text, smsText: r.smsText, smsParams: r.smsParams.join('|') })) {
          assert.ok(value.length > 0, `${part} is empty`);
          assert.doesNotMatch(value, /undefined|null|NaN|\[object/, `${part} has a placeholder leak: ${value}`);
          assert.ok(!value.includes('{') && !value.includes('}'), `${part} has a brace: ${value}`);
        }
        assert.doesNotMatch(r.html, /undefined|\[object/);
        assert.equal(r.smsParams.length, SMS_PARAM_ORDER[id].length, 'smsParams follow SMS_PARAM_ORDER');
        assert.ok(r.smsParams.every((p) => !/https?:\/\//.test(p)), 'no URL in SMS variables');
        assert.ok(!/https?:\/\//.test(r.smsText), 'no link in SMS text');
        const signature = locale === 'zh-CN' ? '【Gatehouse】' : '[Gatehouse]';
        assert.ok(r.smsText.startsWith(signature), `SMS starts with the signature: ${r.smsText}`);
        assert.ok(r.text.includes(brand.senderEmail), 'footer names the sender address');
        assert.ok(r.text.includes(brand.consoleUrl), 'footer names the console');
      });
    }
  }
}

test('zh-CN texts are in Chinese', () => {
  for (const id of TEMPLATE_IDS) {
    const r = render(id, 'zh-CN', FULL);
    assert.match(r.subject, /[\u4e00-\u9fff]/, id);
    assert.match(r.smsText, /[\u4e00-\u9fff]/, id);
  }
});

test('verification_code carries the code, its validity and the never-share warning', () => {
  for (const locale of LOCALES) {
    const r = render('verification_code', locale, FULL);
    for (const part of [r.text, r.smsText, r.html]) assert.ok(part.includes('482913'), `${locale}: code missing`);
    assert.ok(r.text.includes('5'), 'validity');
    assert.deepEqual(r.smsParams, ['482913', '5']);
  }
  const zh = render('verification_code', 'zh-CN', FULL);
  assert.match(zh.smsText, /^【Gatehouse】验证码：482913/);
  assert.match(zh.smsText, /5分钟内有效/);
  assert.match(zh.smsText, /切勿告知他人/);
  assert.match(zh.text, /请勿将验证码告诉任何人/);
  assert.ok(zh.subject.includes('登录'), 'purpose is named');
  const enR = render('verification_code', 'en', FULL);
  assert.match(enR.smsText, /Never share it/);
  assert.match(enR.text, /valid for 5 minutes/);
});

test('an unknown purpose reads as a neutral phrase, not the raw value', () => {
  const r = renderTemplate('verification_code', 'en', { code: '1', purpose: 'weird_internal_flag', expiresInMinutes: 10 }, brand);
  assert.ok(!r.text.includes('weird_internal_flag'));
  assert.match(r.text, /verify your identity/);
  const constructorKey = renderTemplate('verification_code', 'zh-CN', { code: '1', purpose: 'constructor', expiresInMinutes: 10 }, brand);
  assert.match(constructorKey.text, /验证身份/);
});

test('remote_login names time, IP, location, device, the steps and the not-me link', () => {
  for (const locale of LOCALES) {
    const r = render('remote_login', locale, FULL);
    for (const fact of ['2026-01-02 15:04', '203.0.113.9', 'Shenzhen, CN', 'Chrome 126 on macOS', NOT_ME]) {
      assert.ok(r.text.includes(fact), `${locale}: ${fact}`);
    }
    assert.ok(r.html.includes(`<a href="${NOT_ME}">`), 'not-me link is a link in HTML');
  }
  const zh = render('remote_login', 'zh-CN', FULL).text;
  for (const step of ['修改登录密码', '退出所有会话', '异地登录保护', '操作日志']) assert.ok(zh.includes(step), step);
  const enText = render('remote_login', 'en', FULL).text;
  for (const step of ['Change your password', 'Sign out of all sessions', 'remote-login protection', 'audit log']) {
    assert.ok(enText.includes(step), step);
  }
});

test('long_interval_login names the previous sign-in and the not-me link', () => {
  for (const locale of LOCALES) {
    const r = render('long_interval_login', locale, FULL);
    assert.ok(r.text.includes('2025-06-30 09:00'));
    assert.ok(r.text.includes(NOT_ME));
  }
});

test('optional parameters appear when given and leave no trace when not', () => {
  const full = render('password_changed', 'zh-CN', FULL);
  assert.ok(full.text.includes('via the console') && full.text.includes('203.0.113.9') && full.text.includes(NOT_ME));
  const bare = render('password_changed', 'zh-CN', MINIMAL);
  assert.ok(!bare.text.includes('详情') && !bare.text.includes('操作 IP'));
  const blank = renderTemplate('password_changed', 'en', { time: 'noon', ip: '', detail: '   ' }, brand);
  assert.ok(!blank.text.includes('Details:') && !blank.text.includes('IP address:'));
});

test('attacker-influenced parameters cannot add lines, links or markup', () => {
  const r = renderTemplate(
    'remote_login',
    'en',
    {
      time: 't',
      ip: '1.2.3.4',
      location: 'X',
      device: 'Evil\n\nCall 400-000 to unfreeze <b>now</b> https://evil.example \u202e',
      notMeUrl: NOT_ME,
    },
    brand,
  );
  assert.ok(r.text.includes('Device: Evil Call 400-000 to unfreeze <b>now</b> https://evil.example\n'));
  assert.ok(!r.html.includes('<b>now'), 'escaped in HTML');
  assert.ok(!r.html.includes('href="https://evil.example'), 'untrusted URL not linked');
  assert.ok(!r.text.includes('\u202e'));
  const long = renderTemplate('remote_login', 'en', { ...FULL.remote_login, device: 'A'.repeat(5_000) }, brand);
  assert.ok(!long.text.includes('A'.repeat(200)), 'length capped');
});

test('renderMessage picks the channel-appropriate parts', () => {
  const sms = renderMessage({ id: 'm1', channel: 'sms', to: '+8613800138000', template: 'verification_code', locale: 'zh-CN', params: FULL.verification_code, brand });
  assert.equal(sms.subject, null);
  assert.match(sms.text, /^【Gatehouse】/);
  assert.deepEqual(sms.smsParams, ['482913', '5']);
  const email = renderMessage({ id: 'm2', channel: 'email', to: 'a@example.com', template: 'verification_code', locale: 'en', params: FULL.verification_code, brand });
  assert.equal(email.subject, 'Your Gatehouse verification code');
  assert.ok(email.html?.startsWith('<!DOCTYPE html>'));
  assert.equal(email.smsParams, undefined);
});

test('unknown ids and locales from storage fail loudly', () => {
  assert.throws(() => renderTemplate('nope' as TemplateId, 'en', FULL.verification_code as never, brand), /Unknown notification template/);
  assert.throws(() => renderTemplate('verification_code', 'fr' as never, FULL.verification_code, brand), /Unsupported notification locale/);
});

test('realname and ticket statuses are translated', () => {
  assert.deepEqual(render('realname_result', 'zh-CN', FULL).smsParams, ['未通过']);
  assert.deepEqual(render('realname_result', 'en', MINIMAL).smsParams, ['approved']);
  assert.ok(render('realname_result', 'zh-CN', FULL).text.includes('photo is blurred'));
  assert.deepEqual(render('ticket_update', 'zh-CN', FULL).smsParams, ['T-1024', '待您回复']);
  const custom = renderTemplate('ticket_update', 'en', { ticketId: 'T-1', status: 'escalated' }, brand);
  assert.ok(custom.text.includes('escalated'));
});

test('the purposes codes are issued for are named in words', () => {
  const cases: Array<[string, 'en' | 'zh-CN', RegExp]> = [
    ['register', 'en', /create your account/],
    ['login', 'en', /sign in/],
    ['bind_contact', 'zh-CN', /绑定手机号或邮箱/],
    ['step_up', 'zh-CN', /敏感操作/],
  ];
  for (const [purpose, locale, expected] of cases) {
    const r = renderTemplate('verification_code', locale, { code: '123456', purpose, expiresInMinutes: 10 }, brand);
    assert.match(r.text, expected, `${purpose} in ${locale}`);
  }
});
