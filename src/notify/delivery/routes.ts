import type { FastifyInstance } from 'fastify';
import type { Services } from '../../main.js';
import { toIso } from '../../platform/clock.js';
import { errors, str } from '../../platform/http/schemas.js';
import { normaliseEmail, normalisePhone } from '../../accounts/identifiers.js';
import { attemptsOf, findMessages } from './store.js';

const auth = { auth: 'operator' as const };
const security: Array<Record<string, string[]>> = [{ bearer: [] }];

export async function deliveryLogRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.get<{ Querystring: { to?: string; status?: string; channel?: 'sms' | 'email' | 'inbox'; limit?: string } }>('/api/v1/admin/messages', {
    config: auth,
    schema: {
      tags: ['operators'], security, summary: 'The delivery log: messages (newest first) with every attempt and the provider\'s reason; bodies are never shown',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { to: str(254), status: { type: 'string', enum: ['queued', 'sending', 'sent', 'failed', 'stored'] }, channel: { type: 'string', enum: ['sms', 'email', 'inbox'] }, limit: { type: 'string', pattern: '^[0-9]{1,3}$' } },
      },
      response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    const q = request.query;
    const to = q.to === undefined ? undefined : (normaliseEmail(q.to) ?? normalisePhone(q.to) ?? q.to.trim());
    const rows = await findMessages(s.database.db, { ...(to ? { to } : {}), ...(q.status ? { status: q.status } : {}), ...(q.channel ? { channel: q.channel } : {}), limit: Math.min(Number(q.limit ?? 50) || 50, 200) });
    const attempts = await attemptsOf(s.database.db, rows.map((r) => r.id));
    return {
      messages: rows.map((m) => ({
        id: m.id, accountId: m.account_id, channel: m.channel, to: m.destination, template: m.template, locale: m.locale, status: m.status,
        attempts: m.attempts, lastError: m.last_error, provider: m.provider, providerMessageId: m.provider_message_id,
        nextAttemptAt: m.status === 'queued' || m.status === 'sending' ? toIso(Number(m.next_attempt_at)) : null,
        createdAt: toIso(Number(m.created_at)), sentAt: m.sent_at === null ? null : toIso(Number(m.sent_at)),
        deliveryAttempts: attempts.filter((a) => a.message_id === m.id).map((a) => ({ attempt: a.attempt, at: toIso(Number(a.at)), provider: a.provider, ok: a.ok === 1, reason: a.reason, durationMs: a.duration_ms })),
      })),
    };
  });
}
