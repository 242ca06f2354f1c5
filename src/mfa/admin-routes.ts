/** Operator import of hardware OTP tokens: `text/csv`, or JSON `{csv}`. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';
import { errors } from '../platform/http/schemas.js';
import { AppError } from '../platform/http/errors.js';
import { importHardwareTokens } from './hardware-tokens.js';

/** A vendor batch of a few thousand tokens is a few hundred KB. */
const CSV_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export async function mfaAdminRoutes(app: FastifyInstance, s: Services): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    scope.post<{ Body: string | { csv: string } }>('/api/v1/admin/hardware-tokens/import', {
      config: { auth: 'operator' },
      bodyLimit: CSV_BODY_LIMIT_BYTES,
      schema: {
        tags: ['operators'], security: [{ bearer: [] }], summary: 'Import hardware OTP token seeds (CSV: serial, secret[, type, algorithm, digits, period, counter])',
        response: { 200: { type: 'object', properties: { imported: { type: 'integer' }, errors: { type: 'array', items: { type: 'object', properties: { line: { type: 'integer' }, message: { type: 'string' } } } } } }, ...errors(400, 401, 403, 413) },
      },
    }, async (request) => {
      await s.operators.requireRole(request.session!.subjectId, ['admin']);
      const body = request.body;
      const csv = typeof body === 'string' ? body : body && typeof body === 'object' && typeof body.csv === 'string' ? body.csv : null;
      if (csv === null) throw new AppError('validation_failed', { fields: { csv: 'send text/csv or JSON {"csv": "…"}' } });
      return importHardwareTokens({ db: s.database.db, clock: s.clock, keyRing: s.config.keyRing }, request.session!.subjectId, csv, s.context(request));
    });
  });
}
