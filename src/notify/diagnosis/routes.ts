import type { FastifyInstance } from 'fastify';
import type { Services } from '../../main.js';
import { HOUR_MS } from '../../platform/clock.js';
import { consume } from '../../platform/rate-limit/limiter.js';
import { errors, str } from '../../platform/http/schemas.js';
import type { DeliveryDiagnosis } from './service.js';

/** Each diagnosis may probe a provider: a person needs a few, a scanner gets 429. */
const DIAGNOSES_PER_IP_PER_HOUR = 30;
const DIAGNOSES_PER_DESTINATION_PER_HOUR = 10;

const step = { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string', enum: ['ok', 'problem', 'info'] }, title: { type: 'string' }, detail: { type: 'string' } }, required: ['id', 'status', 'title', 'detail'] } as const;

export async function diagnosisRoutes(app: FastifyInstance, s: Services, diagnosis: DeliveryDiagnosis): Promise<void> {
  app.post<{ Body: { channel: 'sms' | 'email'; to: string } }>('/api/v1/delivery-diagnosis', {
    schema: {
      tags: ['codes'], summary: '"Didn\'t receive the code?" — walks the troubleshooting steps for an address (no sign-in; reveals no account)',
      body: { type: 'object', additionalProperties: false, required: ['channel', 'to'], properties: { channel: { type: 'string', enum: ['sms', 'email'] }, to: str(254) } },
      response: { 200: { type: 'object', properties: { steps: { type: 'array', items: step } } }, ...errors(400, 429) },
    },
  }, async (request) => {
    const ctx = s.context(request);
    const now = s.clock.now();
    await consume(s.database.db, { name: 'delivery-diagnosis:ip', max: DIAGNOSES_PER_IP_PER_HOUR, windowMs: HOUR_MS }, ctx.ip, now);
    await consume(s.database.db, { name: 'delivery-diagnosis:dest', max: DIAGNOSES_PER_DESTINATION_PER_HOUR, windowMs: HOUR_MS }, `${request.body.channel}:${request.body.to.trim().toLowerCase()}`, now);
    return diagnosis.diagnose(request.body.channel, request.body.to, ctx.language);
  });
}
