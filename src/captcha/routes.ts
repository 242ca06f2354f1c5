import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';

export async function captchaRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.get('/api/v1/captcha', {
    schema: {
      tags: ['sign-in'],
      summary: 'A fresh self-hosted ALTCHA challenge (protocol version in `version`)',
      response: { 200: { type: 'object', additionalProperties: true, properties: { version: { type: 'integer' }, parameters: { type: 'object', additionalProperties: true }, signature: { type: 'string' } } } },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return s.captcha.challenge();
  });
}
