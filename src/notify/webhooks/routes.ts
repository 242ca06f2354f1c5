import type { FastifyInstance } from 'fastify';
import type { Services } from '../../main.js';
import { errors, noContent, str } from '../../platform/http/schemas.js';
import type { WebhookService } from './service.js';

const auth = { auth: 'operator' as const };
const security: Array<Record<string, string[]>> = [{ bearer: [] }];
const idParams = { type: 'object', properties: { id: str(32) }, required: ['id'] } as const;
const webhookObject = { type: 'object', properties: { id: { type: 'string' }, url: { type: 'string' }, events: { type: 'array', items: { type: 'string' } }, createdAt: { type: 'string' }, createdBy: { type: 'string' } } } as const;

export async function webhookRoutes(app: FastifyInstance, s: Services, webhooks: WebhookService): Promise<void> {
  app.post<{ Body: { url: string; events: string[] } }>('/api/v1/admin/webhooks', {
    config: auth,
    schema: {
      tags: ['operators'], security, summary: 'Subscribe a URL to security events; the signing secret is shown only in this answer',
      body: { type: 'object', additionalProperties: false, required: ['url', 'events'], properties: { url: str(2000), events: { type: 'array', minItems: 1, maxItems: 50, items: str(64) } } },
      response: { 201: { type: 'object', properties: { webhook: webhookObject, secret: { type: 'string' } } }, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin']);
    return reply.code(201).send(await webhooks.create(request.session!.subjectId, request.body, s.context(request)));
  });

  app.get('/api/v1/admin/webhooks', {
    config: auth,
    schema: { tags: ['operators'], security, summary: 'Webhook subscriptions (secrets are never shown again)', response: { 200: { type: 'object', properties: { webhooks: { type: 'array', items: webhookObject } } }, ...errors(401, 403) } },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return webhooks.list();
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/webhooks/:id/deliveries', {
    config: auth,
    schema: { tags: ['operators'], security, summary: 'Recent deliveries of one subscription, newest first', params: idParams, response: { 200: { type: 'object', additionalProperties: true }, ...errors(401, 403) } },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return webhooks.deliveries(request.params.id, 100);
  });

  app.delete<{ Params: { id: string } }>('/api/v1/admin/webhooks/:id', {
    config: auth,
    schema: { tags: ['operators'], security, summary: 'Unsubscribe (pending deliveries are abandoned)', params: idParams, response: { ...noContent, ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin']);
    await webhooks.remove(request.session!.subjectId, request.params.id, s.context(request));
    return reply.code(204).send();
  });
}
