import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import { encodeCbor, SoftAuthenticator, SoftAuthenticatorError, type SoftAttestation } from './soft-authenticator.js';

const rpID = 'localhost';
const origin = 'http://localhost:8080';

async function register(
  authenticator: SoftAuthenticator,
  attestationType: 'none' | 'direct' = 'none',
): Promise<WebAuthnCredential> {
  const options = await generateRegistrationOptions({
    rpName: 'Gatehouse',
    rpID,
    userName: 'alice@example.com',
    attestationType,
  });
  const response = authenticator.createCredential(options, origin);
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge: options.challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
  });
  assert.equal(result.verified, true);
  assert.ok(result.registrationInfo);
  assert.equal(result.registrationInfo.credential.id, response.id);
  assert.equal(result.registrationInfo.fmt, attestationType === 'direct' ? 'packed' : 'none');
  assert.equal(result.registrationInfo.userVerified, true);
  assert.equal(result.registrationInfo.aaguid, '00000000-0000-0000-0000-000000000000');
  return result.registrationInfo.credential;
}

for (const attestation of ['none', 'packed'] as SoftAttestation[]) {
  test(`full ceremony with ${attestation} attestation verifies and the counter increases`, async () => {
    const authenticator = new SoftAuthenticator({ attestation });
    const credential = await register(authenticator, attestation === 'packed' ? 'direct' : 'none');
    assert.equal(credential.counter, 0);

    let stored = credential;
    for (const expectedCounter of [1, 2]) {
      const options = await generateAuthenticationOptions({
        rpID,
        allowCredentials: [{ id: stored.id }],
        userVerification: 'required',
      });
      const response = authenticator.getAssertion(options, origin);
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: options.challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential: stored,
      });
      assert.equal(result.verified, true);
      assert.equal(result.authenticationInfo.newCounter, expectedCounter);
      stored = { ...stored, counter: result.authenticationInfo.newCounter };
    }
  });
}

test('wrong origin is refused at registration and authentication', async () => {
  const authenticator = new SoftAuthenticator();
  const regOptions = await generateRegistrationOptions({ rpName: 'Gatehouse', rpID, userName: 'bob' });
  const badReg = authenticator.createCredential(regOptions, 'http://localhost:9999');
  await assert.rejects(
    verifyRegistrationResponse({ response: badReg, expectedChallenge: regOptions.challenge, expectedOrigin: origin, expectedRPID: rpID }),
    /Unexpected registration response origin/,
  );

  const credential = await register(authenticator);
  const options = await generateAuthenticationOptions({ rpID, allowCredentials: [{ id: credential.id }] });
  const response = authenticator.getAssertion(options, 'https://evil.example');
  await assert.rejects(
    verifyAuthenticationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID, credential }),
    /Unexpected authentication response origin/,
  );
});

test('tampered signature or authenticator data does not verify', async () => {
  const authenticator = new SoftAuthenticator();
  const credential = await register(authenticator);
  const options = await generateAuthenticationOptions({ rpID, allowCredentials: [{ id: credential.id }] });
  const response = authenticator.getAssertion(options, origin);
  const opts = { expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID, credential };

  // Sign a different message with the same key: a well-formed DER signature that does not match.
  const other = authenticator.getAssertion(options, origin);
  const swapped = { ...response, response: { ...response.response, signature: other.response.signature } };
  assert.equal((await verifyAuthenticationResponse({ ...opts, response: swapped })).verified, false);

  const authData = Buffer.from(response.response.authenticatorData, 'base64url');
  authData.writeUInt8(authData.readUInt8(authData.length - 1) ^ 0x01, authData.length - 1); // alter counter, keep signature
  const forged = { ...response, response: { ...response.response, authenticatorData: authData.toString('base64url') } };
  assert.equal((await verifyAuthenticationResponse({ ...opts, response: forged })).verified, false);

  assert.equal((await verifyAuthenticationResponse({ ...opts, response })).verified, true);
});

test('a rewound counter (cloned authenticator) is refused', async () => {
  const authenticator = new SoftAuthenticator();
  const credential = await register(authenticator);
  const stored = { ...credential, counter: 5 };
  const options = await generateAuthenticationOptions({ rpID, allowCredentials: [{ id: stored.id }] });
  const response = authenticator.getAssertion(options, origin); // counter 1 ≤ 5
  await assert.rejects(
    verifyAuthenticationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID, credential: stored }),
    /counter/,
  );
});

test('discoverable login, excludeCredentials, unknown RP and UV flag behave like a browser', async () => {
  const authenticator = new SoftAuthenticator({ userVerified: false });
  const options = await generateRegistrationOptions({ rpName: 'Gatehouse', rpID, userName: 'carol' });
  const response = authenticator.createCredential(options, origin);
  await assert.rejects(
    verifyRegistrationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID }),
    /User verification was required/,
  );
  const lenient = await verifyRegistrationResponse({
    response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: false,
  });
  assert.equal(lenient.verified, true);

  const again = await generateRegistrationOptions({
    rpName: 'Gatehouse', rpID, userName: 'carol', excludeCredentials: [{ id: response.id }],
  });
  assert.throws(() => authenticator.createCredential(again, origin), (e: unknown) =>
    e instanceof SoftAuthenticatorError && e.domName === 'InvalidStateError');

  const discoverable = await generateAuthenticationOptions({ rpID });
  const assertion = authenticator.getAssertion(discoverable, origin);
  assert.equal(assertion.id, response.id);
  assert.equal(assertion.response.userHandle, options.user.id);

  const elsewhere = await generateAuthenticationOptions({ rpID: 'example.com' });
  assert.throws(() => authenticator.getAssertion(elsewhere, 'https://example.com'), (e: unknown) =>
    e instanceof SoftAuthenticatorError && e.domName === 'NotAllowedError');
});

test('CBOR encoder matches RFC 8949 Appendix A examples and canonical key order', () => {
  const hex = (v: Parameters<typeof encodeCbor>[0]): string => encodeCbor(v).toString('hex');
  assert.equal(hex(0), '00');
  assert.equal(hex(23), '17');
  assert.equal(hex(24), '1818');
  assert.equal(hex(1000), '1903e8');
  assert.equal(hex(1000000), '1a000f4240');
  assert.equal(hex(1000000000000), '1b000000e8d4a51000');
  assert.equal(hex(-1), '20');
  assert.equal(hex(-1000), '3903e7');
  assert.equal(hex('IETF'), '6449455446');
  assert.equal(hex('水'), '63e6b0b4');
  assert.equal(hex(Buffer.from('01020304', 'hex')), '4401020304');
  assert.equal(hex(new Map([['a', 1], ['b', 2]])), 'a2616101616202');
  // Length-first canonical order: 1, 3, -1, -2, -3 for COSE keys; "fmt" before "attStmt".
  assert.equal(hex(new Map<number, number>([[-2, 0], [3, 0], [-1, 0], [1, 0]])), 'a40100030020002100');
  assert.equal(
    hex(new Map<string, number>([['authData', 0], ['fmt', 0], ['attStmt', 0]])),
    'a3' + '63666d7400' + '6761747453746d7400' + '68617574684461746100',
  );
});
