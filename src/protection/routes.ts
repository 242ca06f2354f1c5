/** Step-up verification endpoints and the protection settings of the signed-in account. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';
import { codeField, errors, str } from '../platform/http/schemas.js';
import { PROTECTION_METHODS, type SecurityPatch } from './settings.js';
import { OPERATIONS } from './operations.js';

const auth = { auth: 'account' as const };
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const ticketParams = { type: 'object', properties: { ticket: str(128) }, required: ['ticket'] } as const;
const methods = { type: 'array', maxItems: PROTECTION_METHODS.length, items: { type: 'string', enum: [...PROTECTION_METHODS] } } as const;
const toggle = (withMethods: boolean) => ({
  type: 'object', additionalProperties: false, minProperties: 1,
  properties: { enabled: { type: 'boolean' }, ...(withMethods ? { methods } : {}) },
}) as const;
const settingsResponse = { type: 'object', additionalProperties: true } as const;

export async function protectionRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.post<{ Params: { ticket: string }; Body: { method: string } }>('/api/v1/verifications/:ticket/send', {
    config: auth,
    schema: {
      tags: ['protection'], security, summary: 'Send the code (sms/email) or get WebAuthn options for a step-up ticket',
      params: ticketParams,
      body: { type: 'object', additionalProperties: false, required: ['method'], properties: { method: { type: 'string', enum: ['sms', 'email', 'webauthn'] } } },
      response: { 200: { type: 'object', additionalProperties: true }, 202: { type: 'object', properties: {} }, ...errors(400, 401, 410, 429) },
    },
  }, async (request, reply) => {
    const out = await s.protection.prepare(request.session!.subjectId, request.params.ticket, request.body.method, s.context(request));
    return request.body.method === 'webauthn' ? reply.code(200).send(out) : reply.code(202).send({});
  });

  app.post<{ Params: { ticket: string }; Body: { method: string; code?: string; assertion?: unknown } }>('/api/v1/verifications/:ticket', {
    config: auth,
    schema: {
      tags: ['protection'], security, summary: 'Prove a second factor for a step-up ticket; returns a single-use verification token',
      params: ticketParams,
      body: { type: 'object', additionalProperties: false, required: ['method'], properties: { method: str(32), code: codeField, assertion: { type: 'object', additionalProperties: true } } },
      response: {
        200: { type: 'object', properties: { verificationToken: { type: 'string' }, expiresAt: { type: 'string' } }, required: ['verificationToken', 'expiresAt'] },
        ...errors(400, 401, 410, 423),
      },
    },
  }, async (request) => {
    const { method, code, assertion } = request.body;
    return s.protection.verify(request.session!.subjectId, request.params.ticket, method, { code, assertion }, s.context(request));
  });

  app.get('/api/v1/me/security/operations', {
    config: auth,
    schema: {
      tags: ['protection'], security, summary: 'The sensitive operations, whether each is always verified, and whether only MFA proves it when bound',
      response: { 200: { type: 'object', properties: { operations: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, label: { type: 'string' }, always: { type: 'boolean' }, strength: { type: 'string' } } } } } }, ...errors(401) },
    },
  }, async () => ({ operations: Object.entries(OPERATIONS).map(([name, rule]) => ({ name, ...rule })) }));

  app.patch<{ Body: SecurityPatch }>('/api/v1/me/security', {
    config: auth,
    schema: {
      tags: ['protection'], security, summary: 'Switch login, operation and remote-login protection (itself a protected operation)',
      body: {
        type: 'object', additionalProperties: false, minProperties: 1,
        properties: { loginProtection: toggle(true), operationProtection: toggle(true), remoteLoginProtection: toggle(false) },
      },
      response: { 200: settingsResponse, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const accountId = request.session!.subjectId;
    const plan = await s.securitySettings.plan(accountId, request.body);
    await s.protection.require(request, plan.operation);
    return s.securitySettings.save(accountId, plan.before, plan.after, s.context(request));
  });
}
