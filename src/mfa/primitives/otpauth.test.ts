import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOtpauthUrl, renderQrDataUrl, renderQrSvg } from './otpauth.js';

test('builds a Key Uri Format URL with encoded label and explicit parameters', () => {
  const url = buildOtpauthUrl({
    issuer: 'Gatehouse Cloud',
    accountName: 'alice+mfa@example.com',
    secretBase32: 'jbsw y3dp ehpk 3pxp',
  });
  assert.equal(
    url,
    'otpauth://totp/Gatehouse%20Cloud:alice%2Bmfa%40example.com' +
      '?secret=JBSWY3DPEHPK3PXP&issuer=Gatehouse%20Cloud&algorithm=SHA1&digits=6&period=30',
  );
  // Apps parse it as a URL; the pieces must come back intact.
  const parsed = new URL(url);
  assert.equal(parsed.searchParams.get('issuer'), 'Gatehouse Cloud');
  assert.equal(parsed.host, 'totp');
  assert.equal(decodeURIComponent(parsed.pathname.slice(1)), 'Gatehouse Cloud:alice+mfa@example.com');
});

test('writes non-default algorithm, digits and period; strips padding', () => {
  const url = buildOtpauthUrl({
    issuer: '门户',
    accountName: '张三',
    secretBase32: 'MZXW6YTBOI======',
    algorithm: 'SHA256',
    digits: 8,
    periodSeconds: 60,
  });
  assert.match(url, /^otpauth:\/\/totp\/%E9%97%A8%E6%88%B7:%E5%BC%A0%E4%B8%89\?/);
  assert.match(url, /secret=MZXW6YTBOI&/);
  assert.match(url, /&algorithm=SHA256&digits=8&period=60$/);
});

test('refuses colons, empty parts and bad secrets', () => {
  const base = { issuer: 'Gatehouse', accountName: 'alice', secretBase32: 'JBSWY3DPEHPK3PXP' };
  assert.throws(() => buildOtpauthUrl({ ...base, issuer: 'Gate:house' }), RangeError);
  assert.throws(() => buildOtpauthUrl({ ...base, accountName: 'a:b' }), RangeError);
  assert.throws(() => buildOtpauthUrl({ ...base, accountName: ' ' }), RangeError);
  assert.throws(() => buildOtpauthUrl({ ...base, secretBase32: 'not base32!' }));
  assert.throws(() => buildOtpauthUrl({ ...base, digits: 7 as 6 }), RangeError);
});

test('renders a PNG data URL and an SVG', async () => {
  const text = buildOtpauthUrl({ issuer: 'Gatehouse', accountName: 'alice', secretBase32: 'JBSWY3DPEHPK3PXP' });
  const dataUrl = await renderQrDataUrl(text);
  assert.match(dataUrl, /^data:image\/png;base64,/);
  const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const svg = await renderQrSvg(text);
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
});
