import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';
import { toIso } from '../platform/clock.js';
import { OPERATOR_COOKIE } from '../platform/http/auth.js';
import { clearSessionCookies, setSessionCookies } from '../platform/http/cookies.js';
import { errors, noContent, passwordField, str } from '../platform/http/schemas.js';
import { listAudit, verifyAuditChain } from '../platform/audit/audit.js';

const auth = { auth: 'operator' as const };
const security: Array<Record<string, string[]>> = [{ bearer: [] }];
const reasonBody = { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: str(500) } } as const;
const idParams = { type: 'object', properties: { id: str(32) }, required: ['id'] } as const;

export async function operatorRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.post<{ Body: { email: string; password: string; captcha?: string } }>('/api/v1/admin/sessions', {
    schema: {
      tags: ['operators'],
      summary: 'Operator sign-in (same brute-force policy as accounts)',
      body: { type: 'object', additionalProperties: false, required: ['email', 'password'], properties: { email: str(254), password: passwordField, captcha: str(8192) } },
      response: { 201: { type: 'object', additionalProperties: true }, ...errors(400, 401, 423, 428, 429) },
    },
  }, async (request, reply) => {
    const r = await s.operators.signIn(request.body, s.context(request));
    setSessionCookies(reply, { name: OPERATOR_COOKIE, token: r.token, sessionId: r.sessionId, expiresAt: r.expiresAt, secure: s.config.secureCookies, csrfKey: s.csrfKey });
    return reply.code(201).send({ token: r.token, session: { id: r.sessionId, expiresAt: toIso(r.expiresAt) }, operator: r.operator });
  });

  app.delete('/api/v1/admin/sessions/current', { config: auth, schema: { tags: ['operators'], security, response: { ...noContent, ...errors(401) } } }, async (request, reply) => {
    await s.database.db.transaction().execute((trx) => s.sessions.revoke(trx, 'operator', request.session!.subjectId, request.session!.id, 'signed_out'));
    clearSessionCookies(reply, OPERATOR_COOKIE, s.config.secureCookies);
    return reply.code(204).send();
  });

  app.get('/api/v1/admin/me', { config: auth, schema: { tags: ['operators'], security, response: { 200: { type: 'object', additionalProperties: true }, ...errors(401) } } }, async (request) => {
    const op = await s.operators.find(request.session!.subjectId);
    return { operator: { id: op.id, email: op.email, name: op.name, role: op.role } };
  });

  app.get<{ Querystring: { id?: string; email?: string; phone?: string } }>('/api/v1/admin/accounts', {
    config: auth,
    schema: {
      tags: ['operators'], security, summary: 'Look an account up by id, email or phone',
      querystring: { type: 'object', additionalProperties: false, properties: { id: str(32), email: str(254), phone: str(32) } },
      response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return s.operators.lookup(request.session!.subjectId, request.query, s.context(request));
  });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/admin/accounts/:id/lock', {
    config: auth,
    schema: { tags: ['operators'], security, summary: 'Lock the account (ends its sessions)', params: idParams, body: reasonBody, response: { ...noContent, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin']);
    await s.operators.lock(request.session!.subjectId, request.params.id, request.body.reason, s.context(request));
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/admin/accounts/:id/unlock', {
    config: auth,
    schema: { tags: ['operators'], security, summary: 'Unlock the account (operator lock, "not me" lock and the wrong-password lock)', params: idParams, body: reasonBody, response: { ...noContent, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin']);
    await s.operators.unlock(request.session!.subjectId, request.params.id, request.body.reason, s.context(request));
    return reply.code(204).send();
  });

  app.delete<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/admin/accounts/:id/sessions', {
    config: auth,
    schema: { tags: ['operators'], security, summary: 'Force sign-out of every session of the account', params: idParams, body: reasonBody, response: { ...noContent, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin']);
    await s.operators.forceSignOut(request.session!.subjectId, request.params.id, request.body.reason, s.context(request));
    return reply.code(204).send();
  });

  app.get<{ Querystring: { accountId?: string; event?: string; cursor?: string; limit?: string } }>('/api/v1/admin/audit', {
    config: auth,
    schema: {
      tags: ['operators'], security, summary: 'The audit trail across accounts',
      querystring: { type: 'object', additionalProperties: false, properties: { accountId: str(32), event: str(64), cursor: { type: 'string', pattern: '^[0-9]{1,16}$' }, limit: { type: 'string', pattern: '^[0-9]{1,3}$' } } },
      response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    const q = request.query;
    return listAudit(s.database.db, { ...(q.accountId ? { accountId: q.accountId } : {}), ...(q.event ? { event: q.event } : {}), ...(q.cursor ? { cursor: q.cursor } : {}), limit: Math.min(Number(q.limit ?? 50) || 50, 200) });
  });

  app.get('/api/v1/admin/audit/verification', {
    config: auth,
    schema: { tags: ['operators'], security, summary: 'Verify the audit trail\'s hash chain', response: { 200: { type: 'object', additionalProperties: true }, ...errors(401, 403) } },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return verifyAuditChain(s.database.db);
  });
}
