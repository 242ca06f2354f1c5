/** Lost-MFA tickets: filed without signing in, reviewed by operators, cancellable by the owner. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../main.js';
import { errors, noContent, str } from '../../platform/http/schemas.js';
import type { UnbindInput } from './service.js';

const idParams = { type: 'object', properties: { id: str(32) }, required: ['id'] } as const;
const opSecurity: Array<Record<string, string[]>> = [{ bearer: [] }];
/** Room for a ~3 MB scan in base64 plus the text fields. */
const SUBMIT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export async function mfaUnbindRoutes(app: FastifyInstance, s: Services): Promise<void> {
  const unbind = s.mfa.unbind;
  app.post<{ Body: UnbindInput }>('/api/v1/mfa-unbind-requests', {
    bodyLimit: SUBMIT_BODY_LIMIT_BYTES,
    schema: {
      tags: ['mfa'], summary: 'File a ticket to unbind MFA from an account whose device was lost (no sign-in needed)',
      body: {
        type: 'object', additionalProperties: false, required: ['kind', 'accountEmail', 'phone'],
        properties: {
          kind: { type: 'string', enum: ['personal', 'enterprise'] }, accountEmail: str(254), phone: str(32),
          name: str(100), idNumber: str(64), companyName: str(200), companyId: str(64), applicantName: str(100), applicantIdNumber: str(64),
          businessLicence: { type: 'string', minLength: 1, maxLength: SUBMIT_BODY_LIMIT_BYTES },
        },
      },
      response: { 202: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } }, ...errors(400, 413, 429) },
    },
  }, async (request, reply) => reply.code(202).send(await unbind.submit(request.body, s.context(request))));

  app.get('/api/v1/me/mfa-unbind-requests', {
    config: { auth: 'account' },
    schema: { tags: ['mfa'], security: [{ bearer: [] }, { cookie: [] }], summary: 'MFA unbind tickets filed on your account (to cancel one you did not file)', response: { 200: { type: 'object', additionalProperties: true }, ...errors(401) } },
  }, async (request) => unbind.ofAccount(request.session!.subjectId));

  app.post<{ Params: { id: string } }>('/api/v1/me/mfa-unbind-requests/:id/cancel', {
    config: { auth: 'account' },
    schema: { tags: ['mfa'], security: [{ bearer: [] }, { cookie: [] }], summary: 'Cancel an MFA unbind request on your account (review or cooling-off)', params: idParams, response: { ...noContent, ...errors(401, 404, 409) } },
  }, async (request, reply) => {
    await unbind.cancel(request.session!.subjectId, request.params.id, s.context(request));
    return reply.code(204).send();
  });

  app.get<{ Querystring: { status?: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'completed'; limit?: string } }>('/api/v1/admin/mfa-unbind-requests', {
    config: { auth: 'operator' },
    schema: {
      tags: ['operators'], security: opSecurity, summary: 'MFA unbind tickets with the real-name comparison, newest first',
      querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: ['pending', 'approved', 'rejected', 'cancelled', 'completed'] }, limit: { type: 'string', pattern: '^[0-9]{1,3}$' } } },
      response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return unbind.list(request.query.status, Math.min(Number(request.query.limit ?? 50) || 50, 200));
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/mfa-unbind-requests/:id', {
    config: { auth: 'operator' },
    schema: { tags: ['operators'], security: opSecurity, summary: 'One MFA unbind ticket, with the business-licence scan', params: idParams, response: { 200: { type: 'object', additionalProperties: true }, ...errors(401, 403, 404) } },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return unbind.get(request.params.id);
  });

  app.post<{ Params: { id: string } }>('/api/v1/admin/mfa-unbind-requests/:id/approve', {
    config: { auth: 'operator' },
    schema: { tags: ['operators'], security: opSecurity, summary: 'Approve: MFA is removed after the cooling-off period unless the owner cancels', params: idParams, response: { 200: { type: 'object', additionalProperties: true }, ...errors(401, 403, 404, 409) } },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return unbind.approve(request.session!.subjectId, request.params.id, s.context(request));
  });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/admin/mfa-unbind-requests/:id/reject', {
    config: { auth: 'operator' },
    schema: {
      tags: ['operators'], security: opSecurity, summary: 'Reject with a reason the owner is told',
      params: idParams, body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: str(500) } },
      response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return unbind.reject(request.session!.subjectId, request.params.id, request.body.reason, s.context(request));
  });
}
