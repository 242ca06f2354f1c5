import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';
import { validationFailed } from '../platform/http/errors.js';
import { ACCOUNT_COOKIE } from '../platform/http/auth.js';
import { clearSessionCookies } from '../platform/http/cookies.js';
import { errors, geoLocation, noContent, passwordField, str } from '../platform/http/schemas.js';
import type { MeService } from './service.js';
import { TIME_CURSOR_PATTERN } from '../platform/db/time-cursor.js';
import { auditResponse, loginsResponse, meResponse, messagesResponse } from './response-schemas.js';

const auth = { auth: 'account' as const };
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];

function parseTime(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const t = Date.parse(raw);
  if (!Number.isFinite(t) || !/^\d{4}-\d{2}-\d{2}/.test(raw)) throw validationFailed({ [name]: 'must be an ISO 8601 time' });
  return t;
}

export async function meRoutes(app: FastifyInstance, s: Services, me: MeService): Promise<void> {
  app.get('/api/v1/me', { config: auth, schema: { tags: ['me'], security, summary: 'The account, its contacts (masked), security settings and MFA devices', response: { 200: meResponse, ...errors(401) } } }, async (request) =>
    me.profile(request.session!.subjectId),
  );

  app.get('/api/v1/me/sessions', {
    config: auth,
    schema: {
      tags: ['me'], security,
      response: {
        200: {
          type: 'object',
          required: ['sessions'],
          properties: {
            sessions: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'current', 'createdAt', 'lastSeenAt', 'expiresAt', 'ip', 'location', 'userAgent'],
                properties: { id: { type: 'string' }, current: { type: 'boolean' }, createdAt: { type: 'string' }, lastSeenAt: { type: 'string' }, expiresAt: { type: 'string' }, ip: { type: 'string' }, location: geoLocation, userAgent: { type: 'string' } },
              },
            },
          },
        },
        ...errors(401),
      },
    },
  }, async (request) => ({ sessions: await s.sessions.list('account', request.session!.subjectId, request.session!.id) }));

  app.delete<{ Params: { id: string } }>('/api/v1/me/sessions/:id', {
    config: auth,
    schema: { tags: ['me'], security, params: { type: 'object', properties: { id: str(64) }, required: ['id'] }, response: { ...noContent, ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    await me.revokeSession(request.session!.subjectId, request.params.id, s.context(request));
    return reply.code(204).send();
  });

  app.delete('/api/v1/me/sessions', {
    config: { ...auth, operation: 'sessions.revoke_all' },
    schema: { tags: ['me'], security, summary: 'Sign out of every session, this one included', response: { ...noContent, ...errors(401, 403) } },
  }, async (request, reply) => {
    await me.revokeAllSessions(request.session!.subjectId, s.context(request));
    // This session ended too: leave the browser no dead cookie to send.
    clearSessionCookies(reply, ACCOUNT_COOKIE, s.config.secureCookies);
    return reply.code(204).send();
  });

  app.get<{ Querystring: { limit?: string; cursor?: string } }>('/api/v1/me/logins', {
    config: auth,
    schema: {
      tags: ['me'], security, summary: 'Sign-in history, newest first, each with its location and risk explanation',
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'string', pattern: '^[0-9]{1,3}$' }, cursor: { type: 'string', pattern: TIME_CURSOR_PATTERN } } },
      response: { 200: loginsResponse, ...errors(400, 401) },
    },
  }, async (request) => me.logins(request.session!.subjectId, Math.min(Number(request.query.limit ?? 50) || 50, 200), request.query.cursor));

  app.put<{ Body: { currentPassword: string; newPassword: string } }>('/api/v1/me/password', {
    config: { ...auth, operation: 'password.change' },
    schema: {
      tags: ['me'], security, summary: 'Change the password; every other session ends',
      body: { type: 'object', additionalProperties: false, required: ['currentPassword', 'newPassword'], properties: { currentPassword: passwordField, newPassword: passwordField } },
      response: { ...noContent, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    await s.accounts.changePassword(request.session!.subjectId, request.session!.id, request.body, s.context(request));
    return reply.code(204).send();
  });

  app.get<{ Querystring: { limit?: string; cursor?: string } }>('/api/v1/me/messages', {
    config: auth,
    schema: {
      tags: ['me'], security, summary: 'The in-app message centre (the same notices as SMS and email)',
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'string', pattern: '^[0-9]{1,3}$' }, cursor: { type: 'string', pattern: TIME_CURSOR_PATTERN } } },
      response: { 200: messagesResponse, ...errors(400, 401) },
    },
  }, async (request) => me.messages(request.session!.subjectId, Math.min(Number(request.query.limit ?? 50) || 50, 200), request.query.cursor));

  app.post<{ Params: { id: string } }>('/api/v1/me/messages/:id/read', {
    config: auth,
    schema: { tags: ['me'], security, params: { type: 'object', properties: { id: str(64) }, required: ['id'] }, response: { ...noContent, ...errors(401, 403) } },
  }, async (request, reply) => {
    await me.markMessageRead(request.session!.subjectId, request.params.id);
    return reply.code(204).send();
  });

  app.get<{ Querystring: { from?: string; to?: string; event?: string; sensitive?: string; cursor?: string; limit?: string } }>('/api/v1/me/audit', {
    config: auth,
    schema: {
      tags: ['me'], security, summary: 'The account\'s audit trail, newest first',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          from: str(40), to: str(40), event: str(64),
          sensitive: { type: 'string', enum: ['true', 'false'] },
          cursor: { type: 'string', pattern: '^[0-9]{1,16}$' },
          limit: { type: 'string', pattern: '^[0-9]{1,3}$' },
        },
      },
      response: { 200: auditResponse, ...errors(400, 401) },
    },
  }, async (request) => {
    const q = request.query;
    const from = parseTime('from', q.from);
    const to = parseTime('to', q.to);
    return me.audit(request.session!.subjectId, {
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(q.event !== undefined ? { event: q.event } : {}),
      ...(q.sensitive !== undefined ? { sensitive: q.sensitive === 'true' } : {}),
      ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
      limit: Math.min(Number(q.limit ?? 50) || 50, 200),
    });
  });
}
