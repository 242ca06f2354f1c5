/**
 * Who is calling. A route declares `config: { auth: 'account' | 'operator' }`; this hook finds
 * the session from `Authorization: Bearer <token>` or the session cookie, and rejects the
 * request with 401 when there is none. Cookie-authenticated unsafe methods must also carry
 * `X-CSRF-Token` equal to the `gh_csrf` cookie value, which is an HMAC of the session id (a
 * cross-site page can make the browser send the cookie but cannot read it to copy it into a
 * header). Bearer calls need no CSRF token: a browser never attaches them on its own.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { constantTimeEqual, hmacBase64Url } from '../crypto.js';
import type { AuthenticatedSession, SessionService } from '../../sessions/service.js';
import { AppError } from './errors.js';

export const ACCOUNT_COOKIE = 'gh_session';
export const OPERATOR_COOKIE = 'gh_admin_session';
export const CSRF_COOKIE = 'gh_csrf';
export const OPERATOR_CSRF_COOKIE = 'gh_admin_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type AuthKind = 'account' | 'operator';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthKind;
  }
  interface FastifyRequest {
    session: AuthenticatedSession | null;
  }
}

export function csrfTokenFor(csrfKey: Buffer, sessionId: string): string {
  return hmacBase64Url(csrfKey, `csrf:${sessionId}`);
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m ? m[1]! : null;
}

/**
 * `olderCsrfKeys` are the CSRF subkeys of the key ring's retired keys: a gh_csrf cookie set
 * before a key rotation must keep working, or every signed-in console would fail its unsafe
 * requests with csrf_failed until its user signed in again.
 */
export function registerAuth(app: FastifyInstance, sessions: SessionService, csrfKey: Buffer, olderCsrfKeys: readonly Buffer[] = []): void {
  const csrfKeys = [csrfKey, ...olderCsrfKeys];
  app.decorateRequest('session', null);
  app.addHook('preHandler', async (request: FastifyRequest, _reply: FastifyReply) => {
    const kind = request.routeOptions.config.auth;
    if (!kind) return;
    const bearer = bearerToken(request);
    const cookieName = kind === 'account' ? ACCOUNT_COOKIE : OPERATOR_COOKIE;
    const token = bearer ?? request.cookies[cookieName] ?? null;
    const session = token ? await sessions.authenticate(token, kind) : null;
    if (!session) throw new AppError('unauthenticated');
    if (!bearer && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !csrfKeys.some((key) => constantTimeEqual(sent, csrfTokenFor(key, session.id)))) throw new AppError('csrf_failed');
    }
    request.session = session;
  });
}
