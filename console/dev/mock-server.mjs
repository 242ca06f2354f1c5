// A throw-away stand-in for the Gatehouse API, for working on the console before the real
// server is ready and for taking screenshots. It serves console/dist with the SPA fallback
// and answers the endpoints the console calls with the shapes it expects (see README.md).
// NOT a reference implementation: no security, in-memory state, one demo account.
//
//   node console/dev/mock-server.mjs          # http://127.0.0.1:5174
//   demo@example.com / correct horse battery   → signs in (wrong passwords: captcha after 3, lock at 10)
//   mfa@example.com  / correct horse battery   → 202 second step (any 6 digits)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const PORT = Number(process.env.PORT ?? 5174);
const PASSWORD = 'correct horse battery';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

const now = Date.now();
const ago = (minutes) => new Date(now - minutes * 60_000).toISOString();
let failures = 0;
let lockedUntil = null;
let signedIn = false;
let adminSignedIn = false;
const me = {
  account: { id: '100012345678', email: 'demo@example.com', createdAt: ago(60 * 24 * 400) },
  contacts: { phone: '+86 138****8000', securityEmail: null },
  security: {
    loginProtection: { enabled: false, methods: ['totp'] },
    operationProtection: { enabled: true, methods: ['sms', 'totp'] },
    remoteLoginProtection: { enabled: false },
  },
  mfa: [{ id: 'mfa_1', type: 'totp', name: 'Phone authenticator', createdAt: ago(60 * 24 * 30) }],
};
const sessions = [
  { id: 's_cur', current: true, createdAt: ago(30), lastSeenAt: ago(1), ip: '183.3.226.35', location: { country: 'China', region: 'Guangdong', city: 'Shenzhen' }, userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 Chrome/126.0 Safari/537.36' },
  { id: 's_2', current: false, createdAt: ago(60 * 26), lastSeenAt: ago(60 * 3), ip: '203.0.113.9', location: { country: 'Singapore', region: '', city: 'Singapore' }, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1' },
];
const logins = [
  { id: 'l1', at: ago(30), ip: '183.3.226.35', location: { country: 'China', region: 'Guangdong', city: 'Shenzhen' }, result: 'success', risk: { unusualLocation: false, longInterval: false, signals: [] } },
  { id: 'l2', at: ago(60 * 26), ip: '203.0.113.9', location: { country: 'Singapore', region: '', city: 'Singapore' }, result: 'success',
    risk: { unusualLocation: true, longInterval: false, impossibleTravel: true, newDevice: true, signals: [
      { rule: 'new-city', details: { city: 'SG||Singapore', usualCities: ['CN|广东省|深圳市', 'CN|广东省|广州市'] } },
      { rule: 'impossible-travel', details: { distanceKm: 2598, elapsedMinutes: 30, speedKmh: 5196, maxSpeedKmh: 1000, previousAt: now - 60 * 60_000 * 27, fromCity: 'CN|广东省|深圳市', toCity: 'SG||Singapore' } },
      { rule: 'new-device', details: { deviceId: 'd2', deviceLabel: 'Safari on iOS', knownDevices: 1 } },
    ] } },
  { id: 'l3', at: ago(60 * 24 * 40), ip: '113.108.81.189', location: { country: 'China', region: 'Guangdong', city: 'Guangzhou' }, result: 'success',
    risk: { longInterval: true, signals: [{ rule: 'long-interval', details: { previousAt: now - 81 * 86_400_000, elapsedDays: 41, thresholdDays: 30 } }] } },
  { id: 'l4', at: ago(60 * 24 * 41), ip: '198.51.100.4', location: { country: 'United States', region: 'California', city: 'San Jose' }, result: 'failure', risk: null },
];
const messages = [
  { id: 'm1', template: 'remote_login', subject: 'Sign-in from an unusual city', text: 'Your account 100012345678 signed in from Singapore (203.0.113.9) at 09:12 on Safari / iPhone.\nIf this was not you, change your password and sign out of all sessions.', createdAt: ago(60 * 26), readAt: null },
  { id: 'm2', template: 'long_interval_login', subject: 'First sign-in in over a month', text: 'Your account signed in after 41 days without a sign-in.', createdAt: ago(60 * 24 * 40), readAt: ago(60 * 24 * 39) },
];
const audit = Array.from({ length: 45 }, (_, i) => ({
  id: `a${i}`, at: ago(i * 90), accountId: '100012345678',
  event: ['signin.succeeded', 'password.changed', 'mfa.bound', 'session.revoked', 'signin.failed'][i % 5],
  actor: i % 7 === 0 ? { type: 'operator', id: 'op1' } : { type: 'account', id: '100012345678' },
  ip: '183.3.226.35', location: { country: 'China', region: 'Guangdong', city: 'Shenzhen' },
  result: i % 5 === 4 ? 'failure' : 'success', sensitive: i % 5 === 1 || i % 5 === 2, details: i % 3 === 0 ? { method: 'password' } : null,
}));
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const reviews = {
  'phone-change-requests': { key: 'requests', items: [{ id: 'pc1', status: 'pending', createdAt: ago(120), accountId: '100012345678', accountFound: true, accountIdentifier: 'demo@example.com', newPhone: '+8613900139000', contactEmail: 'demo@example.com', note: 'Lost my SIM', documents: [{ kind: 'id_front', contentType: 'image/png', size: 70 }], reason: null, reviewedBy: null, reviewedAt: null }] },
  'mfa-unbind-requests': { key: 'requests', items: [{ id: 'mu1', status: 'pending', createdAt: ago(300), kind: 'personal', accountEmail: 'demo@example.com', accountId: '100012345678', accountFound: true, applicant: { kind: 'personal', name: 'Li Si', idNumber: '110***********1234', phone: '+8613800138000' }, check: { status: 'mismatch', fields: ['name'] }, businessLicence: null, rejectReason: null, effectiveAt: null }] },
  'ip-location-reports': { key: 'reports', items: [{ id: 'ip1', status: 'pending', createdAt: ago(60), accountId: '100012345678', ip: '203.0.113.9', country: 'China', region: 'Guangdong', city: 'Shenzhen', note: 'Company VPN exit', locatedAs: { country: 'Singapore', city: 'Singapore' } }] },
};

const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};
const fail = (res, status, code, message, details = {}) => json(res, status, { error: { code, message, details } });
const zh = (req) => (req.headers['accept-language'] ?? '').startsWith('zh');
const cookieSession = { 'set-cookie': ['gh_session=mock; HttpOnly; Path=/; SameSite=Lax', 'gh_csrf=csrf-mock; Path=/; SameSite=Lax'] };
const challenge = () => createChallenge({ algorithm: 'PBKDF2/SHA-256', cost: 1_000, counter: 50 + Math.floor(Math.random() * 50), deriveKey, hmacSignatureSecret: 'mock', expiresAt: new Date(Date.now() + 600_000) });
const protectedOp = (req, res) => {
  if (me.security.operationProtection.enabled && !req.headers['x-verification-token']) {
    fail(res, 403, 'verification_required', zh(req) ? '该操作需要身份验证。' : 'This operation needs identity verification.', { ticket: 't_op', methods: ['sms', 'totp'] });
    return true;
  }
  return false;
};

async function api(req, res, url, body) {
  const p = url.pathname;
  const m = req.method;
  const authed = () => signedIn || (fail(res, 401, 'unauthenticated', zh(req) ? '请先登录。' : 'Please sign in.'), false);
  if (m === 'GET' && p === '/api/v1/captcha') return json(res, 200, await challenge());
  if (m === 'POST' && p === '/api/v1/verification-codes') return json(res, 202, { expiresIn: 600, resendAfter: 60 });
  if (m === 'POST' && p === '/api/v1/accounts') {
    if (String(body.password).length < 10) return fail(res, 400, 'weak_password', zh(req) ? '密码强度不足。' : 'The password is too weak.', { reasons: ['too_short', 'common'] });
    return json(res, 201, { account: { id: '100099990000', email: body.email } });
  }
  if (m === 'POST' && (p === '/api/v1/sessions' || p === '/api/v1/admin/sessions')) {
    const admin = p.includes('admin');
    if (lockedUntil && Date.now() < lockedUntil) return fail(res, 423, 'account_locked', zh(req) ? '账号密码登录已锁定。' : 'Password sign-in is locked.', { lockedUntil: new Date(lockedUntil).toISOString() });
    if (failures >= 3 && !body.captcha) return fail(res, 428, 'captcha_required', zh(req) ? '请完成人机验证。' : 'Complete the captcha.', { captcha: await challenge() });
    if (body.password !== PASSWORD && !body.code) {
      failures += 1;
      if (failures >= 10) lockedUntil = Date.now() + 86_400_000;
      return fail(res, 401, 'invalid_credentials', zh(req) ? '账号或密码错误。' : 'Wrong account or password.');
    }
    failures = 0;
    if ((body.identifier ?? body.email) === 'mfa@example.com') return json(res, 202, { status: 'verification_required', ticket: 't1', reason: 'remote_login_protection', methods: ['totp', 'sms', 'email', 'webauthn'] });
    if (admin) adminSignedIn = true; else signedIn = true;
    return json(res, 201, { token: 'tok', session: { id: 's_cur', expiresAt: ago(-600) }, account: { id: me.account.id } }, cookieSession);
  }
  if (m === 'POST' && /\/sessions\/verify\/(send|options)$/.test(p)) return json(res, p.endsWith('send') ? 202 : 200, p.endsWith('send') ? undefined : { challenge: 'x', allowCredentials: [] });
  if (m === 'POST' && /\/sessions\/verify$/.test(p)) {
    if (body.code !== '123456') return fail(res, 400, 'invalid_code', zh(req) ? '验证码错误。' : 'The code is wrong.');
    if (p.includes('admin')) adminSignedIn = true; else signedIn = true;
    return json(res, 201, { token: 'tok', session: { id: 's_cur', expiresAt: ago(-600) } }, cookieSession);
  }
  if (m === 'POST' && /^\/api\/v1\/verifications\/[^/]+\/send$/.test(p)) return body.method === 'webauthn' ? json(res, 200, { challenge: 'x', allowCredentials: [] }) : json(res, 202, {});
  if (m === 'POST' && /^\/api\/v1\/verifications\/[^/]+$/.test(p)) {
    if (body.code !== '123456') return fail(res, 400, 'invalid_code', zh(req) ? '验证码错误。' : 'The code is wrong.');
    return json(res, 200, { verificationToken: 'vt', expiresAt: ago(-5) });
  }
  if (m === 'POST' && p === '/api/v1/delivery-diagnosis') return json(res, 200, { steps: [
    { id: 'number', status: 'ok', title: 'The number is valid', detail: '+86 138 0013 8000 is a valid mainland China mobile number and is bound to an account.' },
    { id: 'recent', status: 'problem', title: 'The last delivery failed', detail: 'The provider answered "blocked by carrier" 3 minutes ago.' },
    { id: 'keyword', status: 'info', title: 'Check the spam filter', detail: 'Allow messages containing "Gatehouse".' },
  ] });
  if (m === 'POST' && p === '/api/v1/account-lookup') return json(res, 200, { accounts: [{ id: '100012345678', maskedEmail: 'd***@example.com' }] });
  if (m === 'POST' && p === '/api/v1/mfa-unbind-requests') return json(res, 202, { id: 'mu2', status: 'pending' });
  if (m === 'POST' && p === '/api/v1/phone-change-requests') return json(res, 201, { id: 'pc2' });
  if (m === 'POST' && p === '/api/v1/password-resets') return json(res, 204);

  if (m === 'DELETE' && p === '/api/v1/admin/sessions/current') { adminSignedIn = false; return json(res, 204); }
  if (p.startsWith('/api/v1/admin/')) {
    if (!adminSignedIn) return fail(res, 401, 'unauthenticated', 'Please sign in.');
    if (p === '/api/v1/admin/me') return json(res, 200, { operator: { id: 'op1', email: 'ops@example.com', name: 'Ops', role: 'admin' } });
    if (p === '/api/v1/admin/accounts') return json(res, 200, { accounts: [{ id: me.account.id, email: me.account.email, phone: '+8613800138000', securityEmail: null, status: 'active', createdAt: me.account.createdAt, lastSignInAt: ago(30), lock: { manual: lockedUntil ? 'Reported stolen' : null, lockedAt: lockedUntil ? ago(1) : null, passwordLockedUntil: null, recentFailures: failures }, activeSessions: 2 }] });
    if (/\/(lock|unlock)$/.test(p)) { lockedUntil = p.endsWith('/lock') ? Date.now() + 86_400_000 : null; return json(res, 204); }
    if (p === '/api/v1/admin/messages') return json(res, 200, { messages: messages.map((x, i) => ({ id: `dl${i}`, accountId: me.account.id, channel: i ? 'email' : 'sms', to: i ? 'demo@example.com' : '+8613800138000', template: x.template, status: i ? 'sent' : 'failed', attempts: i ? 1 : 5, lastError: i ? null : 'blocked by carrier', createdAt: x.createdAt, sentAt: i ? x.createdAt : null, deliveryAttempts: [{ attempt: 1, at: x.createdAt, provider: 'tencent-sms', ok: !!i, reason: i ? null : 'blocked by carrier' }] })) });
    if (p === '/api/v1/admin/audit/verification') return json(res, 200, { ok: true, entries: audit.length, headSeq: audit.length });
    if (p === '/api/v1/admin/audit') return json(res, 200, { events: audit.slice(0, 20), nextCursor: null });
    const queue = Object.keys(reviews).find((k) => p.startsWith(`/api/v1/admin/${k}`));
    if (queue && m === 'GET' && p.endsWith(queue)) return json(res, 200, { [reviews[queue].key]: reviews[queue].items.filter((r) => !url.searchParams.get('status') || r.status === url.searchParams.get('status')) });
    if (queue && m === 'GET') return json(res, 200, queue === 'phone-change-requests' ? { request: reviews[queue].items[0], documents: [{ kind: 'id_front', contentType: 'image/png', size: 70, data: PIXEL }] } : { ...reviews[queue].items[0], businessLicence: `data:image/png;base64,${PIXEL}` });
    if (queue && m === 'POST') { const item = reviews[queue].items.find((r) => p.includes(r.id)); if (item) item.status = p.endsWith('reject') ? 'rejected' : p.endsWith('accept') ? 'accepted' : 'approved'; return json(res, 200, {}); }
    if (m === 'DELETE') return json(res, 204);
  }

  if (!p.startsWith('/api/v1/me')) return fail(res, 404, 'not_found', 'No such endpoint.');
  if (!authed()) return;
  if (m === 'GET' && p === '/api/v1/me') return json(res, 200, me);
  if (m === 'GET' && p === '/api/v1/me/sessions') return json(res, 200, { sessions });
  if (m === 'DELETE' && p.startsWith('/api/v1/me/sessions')) { if (p === '/api/v1/me/sessions' || p.endsWith('s_cur')) signedIn = false; return json(res, 204); }
  if (m === 'GET' && p === '/api/v1/me/logins') return json(res, 200, { logins, nextCursor: null });
  if (m === 'GET' && p === '/api/v1/me/messages') return json(res, 200, { messages, unread: messages.filter((x) => !x.readAt).length, nextCursor: null });
  if (m === 'GET' && p === '/api/v1/me/mfa') return json(res, 200, { devices: me.mfa, recoveryCodesRemaining: 8 });
  if (m === 'POST' && p === '/api/v1/me/ip-location-reports') return json(res, 201, { report: { id: 'ip2', status: 'pending' } });
  if (m === 'POST' && p.startsWith('/api/v1/me/messages/')) { const msg = messages.find((x) => p.includes(x.id)); if (msg) msg.readAt = new Date().toISOString(); return json(res, 204); }
  if (m === 'GET' && p === '/api/v1/me/audit') {
    const start = Number(url.searchParams.get('cursor') ?? 0);
    return json(res, 200, { events: audit.slice(start, start + 20), nextCursor: start + 20 < audit.length ? String(start + 20) : null });
  }
  if (protectedOp(req, res)) return;
  if (m === 'PATCH' && p === '/api/v1/me/security') { for (const [k, v] of Object.entries(body)) Object.assign(me.security[k], v); return json(res, 204); }
  if (m === 'POST' && p === '/api/v1/me/mfa/totp') return json(res, 201, { id: 'mfa_new', secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/Gatehouse:demo%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Gatehouse' });
  if (m === 'POST' && p.endsWith('/activate')) { me.mfa.push({ id: `mfa_${me.mfa.length + 1}`, type: 'totp', name: 'Authenticator app', createdAt: new Date().toISOString() }); return json(res, 200, {}); }
  if (m === 'POST' && p === '/api/v1/me/mfa/recovery-codes') return json(res, 200, { codes: Array.from({ length: 10 }, (_, i) => `${1000 + i}-${7000 + i * 37}`) });
  if (m === 'DELETE' && p.startsWith('/api/v1/me/mfa/')) { me.mfa = me.mfa.filter((d) => !p.endsWith(d.id)); return json(res, 204); }
  if (m === 'PUT' && p === '/api/v1/me/password') {
    if (body.currentPassword !== PASSWORD) return fail(res, 400, 'validation_failed', zh(req) ? '当前密码错误。' : 'The current password is wrong.', { fields: { currentPassword: zh(req) ? '当前密码错误' : 'Wrong password' } });
    return json(res, 204);
  }
  if (m === 'PUT' || m === 'POST') return json(res, m === 'POST' ? 201 : 204, m === 'POST' ? { id: 'r1', status: 'pending' } : undefined);
  return fail(res, 404, 'not_found', 'No such endpoint.');
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let body = {};
    try { body = raw ? JSON.parse(raw) : {}; } catch { return fail(res, 400, 'validation_failed', 'Bad JSON'); }
    return api(req, res, url, body).catch((err) => { console.error(err); fail(res, 500, 'internal', 'Mock error'); });
  }
  const file = normalize(join(DIST, url.pathname));
  const target = file.startsWith(DIST) && extname(file) ? file : join(DIST, 'index.html');
  try {
    const data = await readFile(target);
    res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(PORT, '127.0.0.1', () => console.log(`mock Gatehouse on http://127.0.0.1:${PORT}`));
