import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../main.js';
import { ACCOUNT_COOKIE } from '../platform/http/auth.js';
import { setSessionCookies } from '../platform/http/cookies.js';
import { codeField, errors, passwordField, str } from '../platform/http/schemas.js';
import { toIso } from '../platform/clock.js';
import type { SignInResult } from './service.js';

const signedIn = {
  type: 'object',
  properties: {
    token: { type: 'string' },
    session: { type: 'object', properties: { id: { type: 'string' }, expiresAt: { type: 'string' } } },
    account: { type: 'object', properties: { id: { type: 'string' } } },
  },
} as const;
const challenged = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['verification_required'] }, ticket: { type: 'string' }, reason: { type: 'string' }, methods: { type: 'array', items: { type: 'string' } } },
} as const;

export function sendSignInResult(s: Services, reply: FastifyReply, result: SignInResult) {
  if (result.kind === 'challenge') {
    return reply.code(202).send({ status: 'verification_required', ticket: result.ticket, reason: result.reason, methods: result.methods });
  }
  setSessionCookies(reply, { name: ACCOUNT_COOKIE, token: result.token, sessionId: result.sessionId, expiresAt: result.expiresAt, secure: s.config.secureCookies, csrfKey: s.csrfKey });
  return reply.code(201).send({ token: result.token, session: { id: result.sessionId, expiresAt: toIso(result.expiresAt) }, account: { id: result.accountId } });
}

export async function signInRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.post<{ Body: { identifier: string; password?: string; code?: string; captcha?: string } }>('/api/v1/sessions', {
    schema: {
      tags: ['sign-in'],
      summary: 'Sign in with account email, bound phone or account id and the password — or with the bound phone and an SMS code',
      description: 'Send exactly one of `password` or `code`. `code` was sent to the bound phone (`identifier`) with purpose `login`; a wrong code answers 400 `invalid_code`. Per account, wrong passwords and wrong codes count together: 3 in 24 h need nothing more; then every attempt needs a solved captcha (428); the 10th locks sign-in until 24 h after the first wrong one (423).',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['identifier'],
        properties: { identifier: str(254), password: passwordField, code: codeField, captcha: str(8192) },
        oneOf: [{ required: ['password'] }, { required: ['code'] }],
      },
      response: { 201: signedIn, 202: challenged, ...errors(400, 401, 423, 428, 429) },
    },
  }, async (request, reply) => {
    const { identifier, password, code, captcha } = request.body;
    const ctx = s.context(request);
    if (password !== undefined) return sendSignInResult(s, reply, await s.signIn.signInWithPassword({ identifier, password, ...(captcha !== undefined ? { captcha } : {}) }, ctx));
    return sendSignInResult(s, reply, await s.contacts.codeSignIn.signIn({ identifier, code: code!, captcha }, ctx));
  });

  app.post<{ Body: { ticket: string; method: string } }>('/api/v1/sessions/verify/send', {
    schema: {
      tags: ['sign-in'],
      summary: 'Send the second-step code (sms or email) for a 202 ticket',
      body: { type: 'object', additionalProperties: false, required: ['ticket', 'method'], properties: { ticket: str(128), method: { type: 'string', enum: ['sms', 'email'] } } },
      response: { 202: { type: 'object', properties: {} }, ...errors(400, 410, 429) },
    },
  }, async (request, reply) => {
    await s.signIn.prepareChallenge(request.body.ticket, request.body.method, s.context(request));
    return reply.code(202).send({});
  });

  app.post<{ Body: { ticket: string; method: string } }>('/api/v1/sessions/verify/options', {
    schema: {
      tags: ['sign-in'],
      summary: 'WebAuthn request options for a 202 ticket',
      body: { type: 'object', additionalProperties: false, required: ['ticket', 'method'], properties: { ticket: str(128), method: { type: 'string', enum: ['webauthn'] } } },
      response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 410) },
    },
  }, async (request) => s.signIn.prepareChallenge(request.body.ticket, request.body.method, s.context(request)));

  app.post<{ Body: { ticket: string; method: string; code?: string; assertion?: unknown } }>('/api/v1/sessions/verify', {
    schema: {
      tags: ['sign-in'],
      summary: 'Complete a 202 sign-in with the second step',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['ticket', 'method'],
        properties: { ticket: str(128), method: str(32), code: codeField, assertion: { type: 'object', additionalProperties: true } },
      },
      response: { 201: signedIn, ...errors(400, 410, 429) },
    },
  }, async (request, reply) => {
    const { ticket, method, code, assertion } = request.body;
    return sendSignInResult(s, reply, await s.signIn.completeChallenge(ticket, method, { code, assertion }, s.context(request)));
  });
}
