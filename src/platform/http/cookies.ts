import type { FastifyReply } from 'fastify';
import { CSRF_COOKIE, OPERATOR_COOKIE, OPERATOR_CSRF_COOKIE, csrfTokenFor } from './auth.js';

/**
 * Operators get their own CSRF cookie: with one shared name, signing in to the admin console
 * overwrote the account console's CSRF cookie in the same browser (and vice versa), so the
 * other console's unsafe requests failed with csrf_failed. The console reads gh_admin_csrf
 * for /api/v1/admin/ calls.
 */
function csrfCookieFor(sessionCookie: string): string {
  return sessionCookie === OPERATOR_COOKIE ? OPERATOR_CSRF_COOKIE : CSRF_COOKIE;
}

/** Sets the HttpOnly session cookie and its readable CSRF companion. */
export function setSessionCookies(reply: FastifyReply, opts: { name: string; token: string; sessionId: string; expiresAt: number; secure: boolean; csrfKey: Buffer; path?: string }): void {
  const common = { path: opts.path ?? '/', sameSite: 'lax' as const, secure: opts.secure, expires: new Date(opts.expiresAt) };
  reply.setCookie(opts.name, opts.token, { ...common, httpOnly: true });
  reply.setCookie(csrfCookieFor(opts.name), csrfTokenFor(opts.csrfKey, opts.sessionId), { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, name: string, secure: boolean): void {
  reply.clearCookie(name, { path: '/', secure });
  reply.clearCookie(csrfCookieFor(name), { path: '/', secure });
}
