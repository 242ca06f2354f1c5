import type { FastifyReply } from 'fastify';
import { CSRF_COOKIE, csrfTokenFor } from './auth.js';

/** Sets the HttpOnly session cookie and its readable CSRF companion. */
export function setSessionCookies(reply: FastifyReply, opts: { name: string; token: string; sessionId: string; expiresAt: number; secure: boolean; csrfKey: Buffer; path?: string }): void {
  const common = { path: opts.path ?? '/', sameSite: 'lax' as const, secure: opts.secure, expires: new Date(opts.expiresAt) };
  reply.setCookie(opts.name, opts.token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(opts.csrfKey, opts.sessionId), { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, name: string, secure: boolean): void {
  reply.clearCookie(name, { path: '/', secure });
  reply.clearCookie(CSRF_COOKIE, { path: '/', secure });
}
