import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webauthnConfigFromBaseUrl } from './webauthn-config.js';

const rpName = 'Gatehouse';

test('https domain: rpID is the host, origin drops path and default port', () => {
  assert.deepEqual(webauthnConfigFromBaseUrl('https://Account.Example.com/gatehouse/', { rpName }), {
    ok: true,
    config: { rpID: 'account.example.com', rpName, expectedOrigin: 'https://account.example.com' },
  });
  assert.deepEqual(webauthnConfigFromBaseUrl('https://example.com:8443', { rpName }), {
    ok: true,
    config: { rpID: 'example.com', rpName, expectedOrigin: 'https://example.com:8443' },
  });
});

test('http is allowed on localhost and *.localhost only', () => {
  assert.deepEqual(webauthnConfigFromBaseUrl('http://localhost:8080', { rpName }), {
    ok: true,
    config: { rpID: 'localhost', rpName, expectedOrigin: 'http://localhost:8080' },
  });
  assert.equal(webauthnConfigFromBaseUrl('http://gate.localhost:8080', { rpName }).ok, true);
  const plain = webauthnConfigFromBaseUrl('http://example.com', { rpName });
  assert.equal(plain.ok, false);
  assert.match(!plain.ok ? plain.reason : '', /secure context/);
});

test('IP addresses are refused with a hint', () => {
  for (const url of ['http://127.0.0.1:8080', 'https://10.0.0.5', 'http://[::1]:8080', 'https://[2001:db8::1]/']) {
    const result = webauthnConfigFromBaseUrl(url, { rpName });
    assert.equal(result.ok, false, url);
    assert.match(!result.ok ? result.reason : '', /IP address.*localhost/, url);
  }
});

test('rpID override must be the host or a multi-label parent domain', () => {
  const parent = webauthnConfigFromBaseUrl('https://account.example.com', { rpName, rpID: 'Example.com' });
  assert.deepEqual(parent, {
    ok: true,
    config: { rpID: 'example.com', rpName, expectedOrigin: 'https://account.example.com' },
  });
  for (const rpID of ['com', 'other.com', 'ample.com', 'x.account.example.com']) {
    assert.equal(webauthnConfigFromBaseUrl('https://account.example.com', { rpName, rpID }).ok, false, rpID);
  }
});

test('garbage in, reasons out', () => {
  assert.equal(webauthnConfigFromBaseUrl('not a url', { rpName }).ok, false);
  assert.equal(webauthnConfigFromBaseUrl('https://example.com.', { rpName }).ok, false);
  assert.equal(webauthnConfigFromBaseUrl('https://example.com', { rpName: ' ' }).ok, false);
  assert.equal(webauthnConfigFromBaseUrl('ftp://example.com', { rpName }).ok, false);
});
