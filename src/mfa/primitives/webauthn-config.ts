/**
 * Derives WebAuthn relying-party settings from the public base URL users reach Gatehouse at.
 *
 * What browsers accept (WebAuthn L3 §5.1.3 step "effective domain", §5.1.4; HTML "secure context"):
 * - The page must be a secure context: `https:`, or `http:` on `localhost` / `*.localhost`.
 * - The RP ID must be a *valid domain* equal to, or a registrable-domain suffix of, the page's
 *   host. IP addresses are not valid domains, so `http://127.0.0.1:8080` or `https://[::1]` can
 *   never register a security key in a browser — even though @simplewebauthn/server itself would
 *   verify such a response (it only compares SHA-256(rpID) and the origin string). We refuse
 *   those URLs rather than hand out a config that fails later in the user's browser; for local
 *   development use `http://localhost:<port>`.
 * - The RP ID never contains a scheme or port; the expected origin does (scheme://host[:port],
 *   default port omitted — exactly what the browser writes into clientDataJSON.origin).
 */
import { isIP } from 'node:net';

export interface WebAuthnRpConfig {
  /** Passed as `rpID` to generate*Options and as `expectedRPID` to verify*Response. */
  rpID: string;
  /** Shown by the browser/authenticator, e.g. "Gatehouse". */
  rpName: string;
  /** Passed as `expectedOrigin` to verify*Response. */
  expectedOrigin: string;
}

export type WebAuthnConfigResult =
  | { ok: true; config: WebAuthnRpConfig }
  | { ok: false; reason: string };

export interface WebAuthnConfigOptions {
  rpName: string;
  /**
   * Use a parent domain as RP ID (e.g. `example.com` for `https://account.example.com`) so
   * keys also work on sibling hosts. Must equal the host or be a dot-boundary suffix of it.
   * Whether it is a *registrable* suffix (not a public suffix like `co.uk`) needs the Public
   * Suffix List, which we do not ship: we only refuse single-label suffixes, and browsers
   * enforce the rest.
   */
  rpID?: string;
}

export function webauthnConfigFromBaseUrl(publicBaseUrl: string, opts: WebAuthnConfigOptions): WebAuthnConfigResult {
  const rpName = opts.rpName.trim();
  if (rpName === '') return fail('rpName is empty');
  let url: URL;
  try {
    url = new URL(publicBaseUrl);
  } catch {
    return fail(`public base URL "${publicBaseUrl}" is not an absolute URL`);
  }
  // URL already lower-cases and punycodes the host; IPv6 hosts keep their brackets.
  const host = url.hostname;
  const bareHost = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bareHost) !== 0) {
    return fail(
      `"${host}" is an IP address, which browsers do not accept as a WebAuthn RP ID; ` +
        'use a domain name (or http://localhost:<port> for local development)',
    );
  }
  if (host === '' || host.endsWith('.')) return fail(`"${host}" is not a usable host name for an RP ID`);
  const isLocalhost = host === 'localhost' || host.endsWith('.localhost');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocalhost)) {
    return fail('WebAuthn needs a secure context: use https:// (plain http:// works only on localhost)');
  }

  let rpID = host;
  if (opts.rpID !== undefined) {
    const wanted = opts.rpID.trim().toLowerCase();
    const suffixOk = wanted === host || (host.endsWith(`.${wanted}`) && wanted.includes('.'));
    if (!suffixOk) return fail(`rpID "${opts.rpID}" is neither "${host}" nor a parent domain of it`);
    rpID = wanted;
  }
  return { ok: true, config: { rpID, rpName, expectedOrigin: url.origin } };
}

function fail(reason: string): WebAuthnConfigResult {
  return { ok: false, reason };
}
