/**
 * A software FIDO2 authenticator (plus the browser's part of the ceremony) for tests: turns
 * `PublicKeyCredential*OptionsJSON` from @simplewebauthn/server into the `*ResponseJSON` a
 * browser would post back, with real ES256 keys and signatures, so WebAuthn flows can be
 * tested end to end without a browser. Not for production: keys live in memory, and user
 * presence/verification are simply asserted.
 *
 * Formats follow WebAuthn L3 §6.1 (authenticator data), §6.5 (attestation object),
 * §8.2 (packed self attestation), §8.7 (none), and RFC 9052/9053 (COSE_Key, ES256).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

const COSE_ALG_ES256 = -7; // RFC 9053 §2.1
const COSE_KTY_EC2 = 2; // RFC 9053 §7.1
const COSE_CRV_P256 = 1; // RFC 9053 §7.1
const FLAG_UP = 0x01; // WebAuthn §6.1 flags, bit 0: user present
const FLAG_UV = 0x04; // bit 2: user verified
const FLAG_AT = 0x40; // bit 6: attested credential data included
const CREDENTIAL_ID_BYTES = 32;

export type SoftAttestation = 'none' | 'packed';

export interface SoftAuthenticatorOptions {
  /** 16 bytes; default all-zero, as privacy-preserving authenticators report. */
  aaguid?: Uint8Array;
  /** `packed` produces self attestation (no x5c), signed with the credential key. Default `none`. */
  attestation?: SoftAttestation;
  /** Set the UV flag (PIN/biometric done). Default true. */
  userVerified?: boolean;
  transports?: string[];
}

export interface SoftCredential {
  id: string; // base64url
  rpId: string;
  userHandle: string; // base64url, from options.user.id
  privateKey: KeyObject;
  signCount: number;
}

export class SoftAuthenticatorError extends Error {
  /** Mirrors the DOMException name a browser would raise, e.g. NotAllowedError. */
  constructor(readonly domName: string, message: string) {
    super(message);
    this.name = 'SoftAuthenticatorError';
  }
}

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];
  private readonly aaguid: Uint8Array;
  private readonly attestation: SoftAttestation;
  private readonly userVerified: boolean;
  private readonly transports: string[];

  constructor(opts: SoftAuthenticatorOptions = {}) {
    this.aaguid = opts.aaguid ?? new Uint8Array(16);
    if (this.aaguid.length !== 16) throw new RangeError('aaguid must be 16 bytes');
    this.attestation = opts.attestation ?? 'none';
    this.userVerified = opts.userVerified ?? true;
    this.transports = opts.transports ?? ['usb'];
  }

  /** navigator.credentials.create(): make a new ES256 credential for `options.rp.id`. */
  createCredential(options: PublicKeyCredentialCreationOptionsJSON, origin: string): RegistrationResponseJSON {
    const rpId = options.rp.id ?? new URL(origin).hostname;
    if (!options.pubKeyCredParams.some((p) => p.alg === COSE_ALG_ES256)) {
      throw new SoftAuthenticatorError('NotSupportedError', 'RP does not accept ES256');
    }
    const excluded = new Set((options.excludeCredentials ?? []).map((c) => c.id));
    if (this.credentials.some((c) => c.rpId === rpId && excluded.has(c.id))) {
      throw new SoftAuthenticatorError('InvalidStateError', 'authenticator already holds an excluded credential');
    }
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credentialId = randomBytes(CREDENTIAL_ID_BYTES);
    const credential: SoftCredential = {
      id: credentialId.toString('base64url'),
      rpId,
      userHandle: options.user.id,
      privateKey,
      signCount: 0,
    };
    this.credentials.push(credential);

    const clientDataJSON = clientData('webauthn.create', options.challenge, origin);
    const attestedCredentialData = Buffer.concat([
      this.aaguid,
      uint16(credentialId.length),
      credentialId,
      coseEs256PublicKey(publicKey),
    ]);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([this.flags() | FLAG_AT]),
      uint32(credential.signCount),
      attestedCredentialData,
    ]);
    const attStmt = new Map<string, CborValue>();
    if (this.attestation === 'packed') {
      attStmt.set('alg', COSE_ALG_ES256);
      attStmt.set('sig', sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), privateKey));
    }
    const attestationObject = encodeCbor(
      new Map<string, CborValue>([['fmt', this.attestation], ['attStmt', attStmt], ['authData', authData]]),
    );
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      authenticatorAttachment: 'cross-platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        attestationObject: attestationObject.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        transports: this.transports,
        publicKeyAlgorithm: COSE_ALG_ES256,
        publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
      },
    };
  }

  /**
   * navigator.credentials.get(): sign the challenge with a credential for `options.rpId`
   * that is in `allowCredentials` (or, if that is empty, the newest discoverable one).
   * Each assertion increments the credential's signature counter first.
   */
  getAssertion(options: PublicKeyCredentialRequestOptionsJSON, origin: string): AuthenticationResponseJSON {
    const rpId = options.rpId ?? new URL(origin).hostname;
    const allowed = new Set((options.allowCredentials ?? []).map((c) => c.id));
    const credential = this.credentials
      .filter((c) => c.rpId === rpId && (allowed.size === 0 || allowed.has(c.id)))
      .at(-1);
    if (credential === undefined) {
      throw new SoftAuthenticatorError('NotAllowedError', `no credential for RP "${rpId}"`);
    }
    credential.signCount += 1;
    const clientDataJSON = clientData('webauthn.get', options.challenge, origin);
    const authData = Buffer.concat([sha256(rpId), Buffer.from([this.flags()]), uint32(credential.signCount)]);
    // WebAuthn §6.3.3 step 11: sign authenticatorData ‖ SHA-256(clientDataJSON); node emits DER.
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      authenticatorAttachment: 'cross-platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle,
      },
    };
  }

  /** Find a credential by its base64url id, e.g. to rewind `signCount` in a clone-detection test. */
  credential(id: string): SoftCredential | undefined {
    return this.credentials.find((c) => c.id === id);
  }

  private flags(): number {
    return FLAG_UP | (this.userVerified ? FLAG_UV : 0);
  }
}

/** CollectedClientData (WebAuthn §5.8.1) as a same-origin browser serialises it. */
function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
}

/** COSE_Key for an EC2 P-256 public key (RFC 9053 §7.1.1): {1: 2, 3: -7, -1: 1, -2: x, -3: y}. */
function coseEs256PublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.x === undefined || jwk.y === undefined) throw new Error('not an EC public key');
  return encodeCbor(
    new Map<number, CborValue>([
      [1, COSE_KTY_EC2],
      [3, COSE_ALG_ES256],
      [-1, COSE_CRV_P256],
      [-2, Buffer.from(jwk.x, 'base64url')],
      [-3, Buffer.from(jwk.y, 'base64url')],
    ]),
  );
}

function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

function uint16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

// ---- Minimal CBOR encoder (RFC 8949), only what authenticators emit --------------------

export type CborValue = number | string | Uint8Array | Map<number | string, CborValue>;

/**
 * Encodes integers, text, byte strings and maps. Map keys are written in CTAP2 canonical
 * order (RFC 8949 §4.2.3 length-first: shorter encoded key first, then bytewise), which is
 * what real authenticators send and what makes `fmt, attStmt, authData` come out in that order.
 */
export function encodeCbor(value: CborValue): Buffer {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError('CBOR: only safe integers are supported');
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  const entries = [...value].map(([k, v]) => [encodeCbor(k), encodeCbor(v)] as const);
  entries.sort(([a], [b]) => a.length - b.length || Buffer.compare(a, b));
  return Buffer.concat([head(5, entries.length), ...entries.flat()]);
}

/** Initial byte(s): major type in the top 3 bits, then the argument (RFC 8949 §3). */
function head(major: number, arg: number): Buffer {
  const m = major << 5;
  if (arg < 24) return Buffer.from([m | arg]);
  if (arg < 0x100) return Buffer.from([m | 24, arg]);
  if (arg < 0x10000) return Buffer.concat([Buffer.from([m | 25]), uint16(arg)]);
  if (arg < 0x100000000) return Buffer.concat([Buffer.from([m | 26]), uint32(arg)]);
  const b = Buffer.alloc(9);
  b[0] = m | 27;
  b.writeBigUInt64BE(BigInt(arg), 1);
  return b;
}
