/**
 * Response schemas of the account's own pages (`/me`, `/me/logins`, `/me/messages`,
 * `/me/audit`). They document the shapes in the OpenAPI document (the console's types are
 * generated from it), and Fastify serialises responses with them — a property not listed
 * here is DROPPED from the answer, so every field MeService returns is listed. Free-form
 * parts (risk signal details, audit details) stay open objects.
 */
import { geoLocation } from '../platform/http/schemas.js';
import type { FactorMethod } from '../factors/factor.js';

const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const openObject = { type: 'object', additionalProperties: true } as const;
const FACTOR_METHODS: readonly FactorMethod[] = ['totp', 'webauthn', 'hardware_token', 'sms', 'email', 'recovery_code'];
const protection = {
  type: 'object',
  required: ['enabled', 'methods'],
  properties: { enabled: { type: 'boolean' }, methods: { type: 'array', items: { type: 'string', enum: FACTOR_METHODS } } },
} as const;

export const meResponse = {
  type: 'object',
  required: ['account', 'contacts', 'security', 'mfa'],
  properties: {
    account: {
      type: 'object',
      required: ['id', 'email', 'locale', 'createdAt', 'realNameStatus', 'type', 'passwordChangedAt', 'lastSignInAt'],
      properties: {
        id: { type: 'string' },
        email: { type: 'string' },
        locale: { type: 'string' },
        createdAt: time,
        realNameStatus: { type: 'string' },
        type: { type: 'string', enum: ['root', 'sub'] },
        passwordChangedAt: nullableTime,
        lastSignInAt: nullableTime,
      },
    },
    contacts: {
      type: 'object',
      required: ['email', 'phone', 'securityEmail'],
      description: 'The phone and security email are masked',
      properties: { email: { type: 'string' }, phone: nullableString, securityEmail: nullableString },
    },
    security: {
      type: 'object',
      required: ['loginProtection', 'operationProtection', 'remoteLoginProtection'],
      properties: {
        loginProtection: protection,
        operationProtection: protection,
        remoteLoginProtection: { type: 'object', required: ['enabled'], properties: { enabled: { type: 'boolean' } } },
      },
    },
    mfa: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'type', 'name', 'createdAt'],
        properties: { id: { type: 'string' }, type: { type: 'string', enum: ['totp', 'webauthn', 'hardware_token'] }, name: { type: 'string' }, createdAt: time },
      },
    },
  },
} as const;

/** What the risk engine recorded for a sign-in (empty for attempts that never got that far). */
const signInRisk = {
  type: 'object',
  additionalProperties: true,
  properties: {
    unusualLocation: { type: 'boolean' },
    longInterval: { type: 'boolean' },
    impossibleTravel: { type: 'boolean' },
    newDevice: { type: 'boolean' },
    score: { type: 'number' },
    device: { type: 'string' },
    signals: {
      type: 'array',
      items: { type: 'object', required: ['rule', 'details'], properties: { rule: { type: 'string' }, details: openObject } },
    },
  },
} as const;

export const loginsResponse = {
  type: 'object',
  required: ['logins', 'nextCursor'],
  properties: {
    logins: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'at', 'ip', 'location', 'method', 'result', 'reason', 'userAgent', 'risk'],
        properties: {
          id: { type: 'string' },
          at: time,
          ip: { type: 'string' },
          location: geoLocation,
          method: { type: 'string' },
          result: { type: 'string', enum: ['success', 'failure', 'challenged', 'locked'] },
          reason: nullableString,
          userAgent: { type: 'string' },
          risk: signInRisk,
        },
      },
    },
    nextCursor: nullableString,
  },
} as const;

export const messagesResponse = {
  type: 'object',
  required: ['messages', 'unread', 'nextCursor'],
  properties: {
    messages: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'template', 'subject', 'text', 'createdAt', 'readAt'],
        properties: { id: { type: 'string' }, template: { type: 'string' }, subject: nullableString, text: { type: 'string' }, createdAt: time, readAt: nullableTime },
      },
    },
    unread: { type: 'integer', description: 'Unread messages in the whole centre, not just this page' },
    nextCursor: nullableString,
  },
} as const;

export const auditEvent = {
  type: 'object',
  required: ['id', 'at', 'event', 'actor', 'accountId', 'ip', 'userAgent', 'location', 'result', 'sensitive', 'details'],
  properties: {
    id: { type: 'string' },
    at: time,
    event: { type: 'string' },
    actor: { type: 'object', required: ['type', 'id'], properties: { type: { type: 'string' }, id: nullableString } },
    accountId: nullableString,
    ip: nullableString,
    userAgent: nullableString,
    location: { type: ['object', 'null'], additionalProperties: true },
    result: { type: 'string' },
    sensitive: { type: 'boolean' },
    details: openObject,
  },
} as const;

export const auditResponse = {
  type: 'object',
  required: ['events', 'nextCursor'],
  properties: { events: { type: 'array', items: auditEvent }, nextCursor: nullableString },
} as const;
