/** Contacts over HTTP: the signed-in account's phone and emails, and the public account lookup. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';
import { codeField, errors, noContent, str } from '../platform/http/schemas.js';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_KINDS, DOCUMENT_MAX_BASE64_CHARS, DOCUMENTS_MAX, DOCUMENTS_MIN, PHONE_CHANGE_BODY_LIMIT_BYTES } from './constants.js';
import type { UploadedDocument } from './documents.js';

const auth = { auth: 'account' as const };
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const phoneField = str(32, { description: 'E.164, e.g. +8613800138000 (a bare 11-digit number starting with 1 is read as mainland China)' });
const stepUpHeader = {
  type: 'object',
  properties: { 'x-verification-token': { type: 'string', maxLength: 256, description: 'Step-up token from POST /api/v1/verifications/{ticket} (operation protection); it also stands in for the old-contact code' } },
} as const;

export async function contactRoutes(app: FastifyInstance, s: Services): Promise<void> {
  const c = s.contacts;

  app.put<{ Body: { phone: string; code: string; oldPhoneCode?: string } }>('/api/v1/me/phone', {
    config: { ...auth, operation: 'contact.phone_change' },
    schema: {
      tags: ['contacts'], security,
      summary: 'Bind or replace the mobile number (code sent to the new number with purpose bind_contact)',
      description: 'Replacing a bound number first verifies identity: `oldPhoneCode` is a code sent to the currently bound number with purpose `verify` (or send a step-up `X-Verification-Token`). Without it: 403 `verification_required`. Bad number or area code: 400 `validation_failed` with the reason in `details.fields.phone`. The number already serves the most accounts allowed (GATEHOUSE_PHONE_ACCOUNT_LIMIT): 409 `phone_limit_reached`. The old number is released.',
      headers: stepUpHeader,
      body: { type: 'object', additionalProperties: false, required: ['phone', 'code'], properties: { phone: phoneField, code: codeField, oldPhoneCode: codeField } },
      response: { ...noContent, ...errors(400, 401, 403, 409, 429) },
    },
  }, async (request, reply) => {
    await c.service.bindPhone(request.session!.subjectId, request.body, s.context(request));
    return reply.code(204).send();
  });

  app.delete<{ Body: { code?: string } | undefined }>('/api/v1/me/phone', {
    config: { ...auth, operation: 'contact.phone_change' },
    schema: {
      tags: ['contacts'], security,
      summary: 'Unbind the mobile number (identity verified: a code sent to it with purpose verify, or a step-up token)',
      headers: stepUpHeader,
      body: { type: 'object', additionalProperties: false, properties: { code: codeField } },
      response: { ...noContent, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    await c.service.unbindPhone(request.session!.subjectId, { code: request.body?.code }, s.context(request));
    return reply.code(204).send();
  });

  app.put<{ Body: { email: string; code: string; oldEmailCode?: string } }>('/api/v1/me/security-email', {
    config: { ...auth, operation: 'contact.security_email_change' },
    schema: {
      tags: ['contacts'], security,
      summary: 'Set or change the security email (receives codes and notices; not a sign-in identifier)',
      description: '`code` was sent to the new address with purpose `bind_contact`. Changing an existing security email also needs `oldEmailCode` (sent to the current security email with purpose `verify`) or a step-up token.',
      headers: stepUpHeader,
      body: { type: 'object', additionalProperties: false, required: ['email', 'code'], properties: { email: str(254), code: codeField, oldEmailCode: codeField } },
      response: { ...noContent, ...errors(400, 401, 403, 429) },
    },
  }, async (request, reply) => {
    await c.service.setSecurityEmail(request.session!.subjectId, request.body, s.context(request));
    return reply.code(204).send();
  });

  app.put<{ Body: { email: string; code: string; oldEmailCode?: string } }>('/api/v1/me/email', {
    config: { ...auth, operation: 'contact.email_change' },
    schema: {
      tags: ['contacts'], security,
      summary: 'Change the account email (a sign-in identifier)',
      description: '`code` was sent to the new address with purpose `bind_contact`; `oldEmailCode` to the current account email with purpose `verify` (or send a step-up token). 409 `email_taken` when another account uses the address.',
      headers: stepUpHeader,
      body: { type: 'object', additionalProperties: false, required: ['email', 'code'], properties: { email: str(254), code: codeField, oldEmailCode: codeField } },
      response: { ...noContent, ...errors(400, 401, 403, 409, 429) },
    },
  }, async (request, reply) => {
    await c.service.changeAccountEmail(request.session!.subjectId, request.body, s.context(request));
    return reply.code(204).send();
  });

  app.post<{ Body: { phone: string; code: string } }>('/api/v1/account-lookup', {
    schema: {
      tags: ['contacts'],
      summary: 'Which accounts use this phone? (after a code sent to it with purpose verify)',
      description: 'Nothing is revealed before the code is proven: a wrong code gets 400 `invalid_code` whether or not the number is bound.',
      body: { type: 'object', additionalProperties: false, required: ['phone', 'code'], properties: { phone: phoneField, code: codeField } },
      response: {
        200: { type: 'object', properties: { accounts: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, maskedEmail: { type: 'string' } } } } } },
        ...errors(400, 429),
      },
    },
  }, async (request) => c.service.lookupByPhone(request.body, s.context(request)));

  app.post<{ Body: { account: string; newPhone: string; code: string; contactEmail: string; note?: string; documents: UploadedDocument[] } }>('/api/v1/phone-change-requests', {
    bodyLimit: PHONE_CHANGE_BODY_LIMIT_BYTES,
    schema: {
      tags: ['contacts'],
      summary: 'Ask for a change of phone with identity documents (for a lost number); reviewed by an operator',
      description: 'No sign-in needed. `account` is the account email or ID; `code` was sent to `newPhone` with purpose `bind_contact`; `contactEmail` hears about the review. Documents are base64 JPEG/PNG/WebP images (the seed asks for both sides of an ID card or driver\'s licence held by the applicant; for enterprises the business licence and the legal representative\'s ID), stored encrypted. The answer is the same whether or not the account exists.',
      body: {
        type: 'object', additionalProperties: false, required: ['account', 'newPhone', 'code', 'contactEmail', 'documents'],
        properties: {
          account: str(254), newPhone: phoneField, code: codeField, contactEmail: str(254), note: str(1000),
          documents: {
            type: 'array', minItems: DOCUMENTS_MIN, maxItems: DOCUMENTS_MAX,
            items: {
              type: 'object', additionalProperties: false, required: ['kind', 'contentType', 'data'],
              properties: { kind: { type: 'string', enum: [...DOCUMENT_KINDS] }, contentType: { type: 'string', enum: [...DOCUMENT_CONTENT_TYPES] }, data: { type: 'string', minLength: 1, maxLength: DOCUMENT_MAX_BASE64_CHARS } },
            },
          },
        },
      },
      response: { 201: { type: 'object', properties: { id: { type: 'string' } } }, ...errors(400, 413, 429) },
    },
  }, async (request, reply) => reply.code(201).send(await c.phoneChanges.submit(request.body, s.context(request))));
}
