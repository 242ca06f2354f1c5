/**
 * `GET /api/v1/dev/outbox` — every message the server would have sent, newest first, codes
 * included. Registered only in `outbox` mode, which the server refuses in production.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../platform/db/database.js';
import { toIso } from '../platform/clock.js';
import { normaliseEmail, normalisePhone } from '../accounts/identifiers.js';
import { errors, str } from '../platform/http/schemas.js';
import { messagesTo } from './store.js';

export async function devOutboxRoutes(app: FastifyInstance, db: Db): Promise<void> {
  app.get<{ Querystring: { to: string } }>('/api/v1/dev/outbox', {
    schema: {
      tags: ['development'],
      summary: 'Dev outbox (outbox mode only): messages to a phone, email or account id, newest first',
      querystring: { type: 'object', additionalProperties: false, required: ['to'], properties: { to: str(254) } },
      response: {
        200: {
          type: 'object',
          properties: {
            messages: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' }, channel: { type: 'string' }, to: { type: 'string' }, template: { type: 'string' }, locale: { type: 'string' },
                  subject: { type: ['string', 'null'] }, text: { type: 'string' }, createdAt: { type: 'string' },
                },
              },
            },
          },
        },
        ...errors(400),
      },
    },
  }, async (request) => {
    const raw = request.query.to.trim();
    const to = raw.includes('@') ? (normaliseEmail(raw) ?? raw) : raw.startsWith('+') ? (normalisePhone(raw) ?? raw) : raw;
    const rows = await messagesTo(db, to, 100);
    return {
      messages: rows.map((m) => ({ id: m.id, channel: m.channel, to: m.destination, template: m.template, locale: m.locale, subject: m.subject, text: m.body, createdAt: toIso(Number(m.created_at)) })),
    };
  });
}
