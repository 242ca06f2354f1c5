/** The signed-in account's MFA devices and recovery codes. Binding and removal are protected operations. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';
import { codeField, errors, noContent, str } from '../platform/http/schemas.js';
import { DEVICE_NAME_MAX } from './constants.js';
import { countUnusedRecoveryCodes } from './store.js';

const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const idParams = { type: 'object', properties: { id: str(64) }, required: ['id'] } as const;
const device = { type: 'object', properties: { id: { type: 'string' }, type: { type: 'string' }, name: { type: 'string' }, createdAt: { type: 'string' } } } as const;
const nameField = { type: 'string', maxLength: DEVICE_NAME_MAX } as const;

export async function mfaRoutes(app: FastifyInstance, s: Services): Promise<void> {
  const mfa = s.mfa.service;
  if (s.mfa.webauthnDisabledReason) s.logger.warn({ reason: s.mfa.webauthnDisabledReason }, 'WebAuthn security keys are off: GATEHOUSE_PUBLIC_URL cannot serve as a relying party');

  app.get('/api/v1/me/mfa', {
    config: { auth: 'account' },
    schema: { tags: ['mfa'], security, summary: 'MFA devices and how many recovery codes are left', response: { 200: { type: 'object', properties: { devices: { type: 'array', items: device }, recoveryCodesRemaining: { type: 'integer' } } }, ...errors(401) } },
  }, async (request) => ({
    devices: await mfa.list(request.session!.subjectId),
    recoveryCodesRemaining: await countUnusedRecoveryCodes(s.database.db, request.session!.subjectId),
  }));

  app.post<{ Body: { name?: string } | undefined }>('/api/v1/me/mfa/totp', {
    config: { auth: 'account', operation: 'mfa.bind' },
    // The body is optional (only a name): a bare POST counts as `{}`.
    preValidation: async (request) => {
      if (request.body === undefined) request.body = {};
    },
    schema: {
      tags: ['mfa'], security, summary: 'Start virtual MFA enrolment: a pending device with its secret, otpauth URL and QR code',
      body: { type: 'object', additionalProperties: false, properties: { name: nameField } },
      response: { 201: { type: 'object', properties: { id: { type: 'string' }, secret: { type: 'string' }, otpauthUrl: { type: 'string' }, qrDataUrl: { type: 'string' } } }, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => reply.code(201).send(await mfa.startTotp(request.session!.subjectId, request.body?.name)));

  app.post<{ Params: { id: string }; Body: { code: string } }>('/api/v1/me/mfa/totp/:id/activate', {
    config: { auth: 'account' },
    schema: {
      tags: ['mfa'], security, summary: 'Confirm a pending virtual MFA device with its first code',
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['code'], properties: { code: codeField } },
      response: { 200: device, ...errors(400, 401, 404, 423) },
    },
  }, async (request) => mfa.activateTotp(request.session!.subjectId, request.params.id, request.body.code, s.context(request)));

  app.patch<{ Params: { id: string }; Body: { name: string } }>('/api/v1/me/mfa/:id', {
    config: { auth: 'account' },
    schema: {
      tags: ['mfa'], security, summary: 'Rename an MFA device', params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { ...nameField, minLength: 1 } } },
      response: { 200: device, ...errors(400, 401, 404) },
    },
  }, async (request) => mfa.rename(request.session!.subjectId, request.params.id, request.body.name));

  app.delete<{ Params: { id: string } }>('/api/v1/me/mfa/:id', {
    config: { auth: 'account', operation: 'mfa.unbind' },
    schema: { tags: ['mfa'], security, summary: 'Remove an MFA device (always needs verification)', params: idParams, response: { ...noContent, ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    await mfa.remove(request.session!.subjectId, request.params.id, s.context(request));
    return reply.code(204).send();
  });

  app.post('/api/v1/me/mfa/webauthn/options', {
    config: { auth: 'account' },
    schema: { tags: ['mfa'], security, summary: 'WebAuthn registration options for a new security key', response: { 200: { type: 'object', additionalProperties: true }, ...errors(401, 503) } },
  }, async (request) => s.mfa.webauthn.registrationOptions(request.session!.subjectId));

  app.post<{ Body: { name?: string; response: unknown } }>('/api/v1/me/mfa/webauthn', {
    config: { auth: 'account', operation: 'mfa.bind' },
    schema: {
      tags: ['mfa'], security, summary: 'Register a security key from the browser\'s attestation response',
      body: { type: 'object', additionalProperties: false, required: ['response'], properties: { name: nameField, response: { type: 'object', additionalProperties: true } } },
      response: { 201: device, ...errors(400, 401, 403, 503) },
    },
  }, async (request, reply) => reply.code(201).send(await s.mfa.webauthn.register(request.session!.subjectId, request.body, s.context(request))));

  app.post<{ Body: { serial: string; code: string; name?: string } }>('/api/v1/me/mfa/hardware-token', {
    config: { auth: 'account', operation: 'mfa.bind' },
    schema: {
      tags: ['mfa'], security, summary: 'Bind an imported hardware OTP token by its serial and current code',
      body: { type: 'object', additionalProperties: false, required: ['serial', 'code'], properties: { serial: str(64), code: codeField, name: nameField } },
      response: { 201: device, ...errors(400, 401, 403, 423) },
    },
  }, async (request, reply) => reply.code(201).send(await mfa.bindHardwareToken(request.session!.subjectId, request.body, s.context(request))));

  app.post('/api/v1/me/mfa/recovery-codes', {
    config: { auth: 'account', operation: 'mfa.recovery_codes' },
    schema: {
      tags: ['mfa'], security, summary: 'Ten new single-use recovery codes, shown once; earlier codes stop working',
      response: { 200: { type: 'object', properties: { codes: { type: 'array', items: { type: 'string' } } } }, ...errors(401, 403) },
    },
  }, async (request) => mfa.regenerateRecoveryCodes(request.session!.subjectId, s.context(request)));
}
