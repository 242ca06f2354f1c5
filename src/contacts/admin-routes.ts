/** Operator review of phone change requests (admin and reviewer roles). */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';
import { errors, noContent, str } from '../platform/http/schemas.js';
import { PHONE_CHANGE_STATUSES } from './constants.js';

const auth = { auth: 'operator' as const };
const security: Array<Record<string, string[]>> = [{ bearer: [] }];
const idParams = { type: 'object', properties: { id: str(32) }, required: ['id'] } as const;
const REVIEWERS = ['admin', 'reviewer'] as const;
const PAGE_DEFAULT = 50;
const PAGE_MAX = 200;

export async function contactAdminRoutes(app: FastifyInstance, s: Services): Promise<void> {
  const requests = s.contacts.phoneChanges;

  app.get<{ Querystring: { status?: string; cursor?: string; limit?: string } }>('/api/v1/admin/phone-change-requests', {
    config: auth,
    schema: {
      tags: ['operators'], security, summary: 'Phone change requests, newest first (documents not included)',
      querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: [...PHONE_CHANGE_STATUSES] }, cursor: str(20), limit: { type: 'string', pattern: '^[0-9]{1,3}$' } } },
      response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, REVIEWERS);
    const limit = Math.min(PAGE_MAX, Math.max(1, Number(request.query.limit ?? PAGE_DEFAULT)));
    return requests.list(request.query.status, limit, request.query.cursor);
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/phone-change-requests/:id', {
    config: auth,
    schema: { tags: ['operators'], security, summary: 'One request with its documents (base64); the viewing is audited', params: idParams, response: { 200: { type: 'object', additionalProperties: true }, ...errors(401, 403, 404) } },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, REVIEWERS);
    return requests.get(request.session!.subjectId, request.params.id, s.context(request));
  });

  app.post<{ Params: { id: string } }>('/api/v1/admin/phone-change-requests/:id/approve', {
    config: auth,
    schema: { tags: ['operators'], security, summary: 'Approve: rebinds the account to the new number (within the per-number limit)', params: idParams, response: { ...noContent, ...errors(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await s.operators.requireRole(request.session!.subjectId, REVIEWERS);
    await requests.approve(request.session!.subjectId, request.params.id, s.context(request));
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/admin/phone-change-requests/:id/reject', {
    config: auth,
    schema: {
      tags: ['operators'], security, summary: 'Reject with a reason the requester is told', params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: str(500) } },
      response: { ...noContent, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await s.operators.requireRole(request.session!.subjectId, REVIEWERS);
    await requests.reject(request.session!.subjectId, request.params.id, request.body.reason, s.context(request));
    return reply.code(204).send();
  });
}
