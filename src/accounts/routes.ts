import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';
import { codeField, errors, noContent, passwordField, str } from '../platform/http/schemas.js';

export async function accountRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.post<{ Body: { email: string; password: string; code: string } }>('/api/v1/accounts', {
    schema: {
      tags: ['accounts'],
      summary: 'Register with the account email, a password and the emailed code (purpose register)',
      body: { type: 'object', additionalProperties: false, required: ['email', 'password', 'code'], properties: { email: str(254), password: passwordField, code: codeField } },
      response: {
        201: { type: 'object', properties: { account: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' } } } } },
        ...errors(400, 409, 429),
      },
    },
  }, async (request, reply) => {
    const ctx = s.context(request);
    const account = await s.accounts.register(request.body, ctx, (id) => s.risk.assess(id, ctx, s.clock.now()));
    return reply.code(201).send({ account });
  });

  app.post<{ Body: { identifier: string; code: string; newPassword: string } }>('/api/v1/password-resets', {
    schema: {
      tags: ['accounts'],
      summary: 'Reset the password with a code (purpose reset_password) sent to the account email or bound phone; ends every session and clears the lock',
      body: { type: 'object', additionalProperties: false, required: ['identifier', 'code', 'newPassword'], properties: { identifier: str(254), code: codeField, newPassword: passwordField } },
      response: { ...noContent, ...errors(400, 429) },
    },
  }, async (request, reply) => {
    await s.accounts.resetPassword(request.body, s.context(request));
    return reply.code(204).send();
  });

  app.post<{ Body: { token: string } }>('/api/v1/not-me', {
    schema: {
      tags: ['accounts'],
      summary: '"This wasn\'t me": signs the account out everywhere and locks password sign-in until a reset',
      body: { type: 'object', additionalProperties: false, required: ['token'], properties: { token: str(128) } },
      response: { ...noContent, ...errors(400, 410) },
    },
  }, async (request, reply) => {
    await s.accounts.notMe(request.body.token, s.context(request));
    return reply.code(204).send();
  });
}
