import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';
import { errors, str } from '../platform/http/schemas.js';
import { CODE_CHANNELS, CODE_PURPOSES, type CodeChannel, type PublicCodePurpose } from './constants.js';

export async function codeRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.post<{ Body: { channel: CodeChannel; to: string; purpose: PublicCodePurpose } }>('/api/v1/verification-codes', {
    schema: {
      tags: ['verification codes'],
      summary: 'Send a 6-digit code to an email or phone (same answer whether or not an account exists)',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['channel', 'to', 'purpose'],
        properties: { channel: { type: 'string', enum: [...CODE_CHANNELS] }, to: str(254), purpose: { type: 'string', enum: [...CODE_PURPOSES] } },
      },
      response: { 202: { type: 'object', properties: { expiresIn: { type: 'integer' }, resendAfter: { type: 'integer' } } }, ...errors(400, 429) },
    },
  }, async (request, reply) => {
    const ctx = s.context(request);
    const result = await s.codes.issue({ ...request.body, ip: ctx.ip, locale: ctx.language });
    return reply.code(202).send(result);
  });
}
