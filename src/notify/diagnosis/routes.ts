import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../main.js';
import { HOUR_MS } from '../../platform/clock.js';
import { consume } from '../../platform/rate-limit/limiter.js';
import { errors, str } from '../../platform/http/schemas.js';
import { ACCOUNT_COOKIE } from '../../platform/http/auth.js';
import { findAccountById } from '../../accounts/store.js';
import type { DeliveryDiagnosis, DiagnosisViewer } from './service.js';

/** Each diagnosis may probe a provider: a person needs a few, a scanner gets 429. */
const DIAGNOSES_PER_IP_PER_HOUR = 30;
const DIAGNOSES_PER_DESTINATION_PER_HOUR = 10;

const step = { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string', enum: ['ok', 'problem', 'info'] }, title: { type: 'string' }, detail: { type: 'string' } }, required: ['id', 'status', 'title', 'detail'] } as const;

/**
 * Sign-in is optional here: a valid account session (bearer or cookie) adds what only the
 * owner may see. Reading it does not change anything, so no CSRF check is needed.
 */
async function viewerOf(s: Services, request: FastifyRequest): Promise<DiagnosisViewer | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const token = bearer ?? request.cookies?.[ACCOUNT_COOKIE];
  if (!token) return null;
  const session = await s.sessions.authenticate(token, 'account');
  if (!session) return null;
  const account = await findAccountById(s.database.db, session.subjectId);
  if (!account) return null;
  return { phone: account.phone, emails: [...new Set([account.security_email ?? account.email, account.email])] };
}

export async function diagnosisRoutes(app: FastifyInstance, s: Services, diagnosis: DeliveryDiagnosis): Promise<void> {
  app.post<{ Body: { channel: 'sms' | 'email'; to: string } }>('/api/v1/delivery-diagnosis', {
    schema: {
      tags: ['codes'],
      security: [{}, { bearer: [] }, { cookie: [] }], summary: '"Didn\'t receive the code?" — walks the troubleshooting steps for an address (no sign-in; reveals no account)',
      body: { type: 'object', additionalProperties: false, required: ['channel', 'to'], properties: { channel: { type: 'string', enum: ['sms', 'email'] }, to: str(254) } },
      response: { 200: { type: 'object', properties: { steps: { type: 'array', items: step } } }, ...errors(400, 429) },
    },
  }, async (request) => {
    const ctx = s.context(request);
    const now = s.clock.now();
    await consume(s.database.db, { name: 'delivery-diagnosis:ip', max: DIAGNOSES_PER_IP_PER_HOUR, windowMs: HOUR_MS }, ctx.ip, now);
    await consume(s.database.db, { name: 'delivery-diagnosis:dest', max: DIAGNOSES_PER_DESTINATION_PER_HOUR, windowMs: HOUR_MS }, `${request.body.channel}:${request.body.to.trim().toLowerCase()}`, now);
    return diagnosis.diagnose(request.body.channel, request.body.to, ctx.language, await viewerOf(s, request));
  });
}
