import type { FastifyInstance } from 'fastify';
import type { Services } from '../main.js';
import { errors, str } from '../platform/http/schemas.js';
import type { GeoReportService, ReportInput } from './service.js';

const accountAuth = { auth: 'account' as const };
const operatorAuth = { auth: 'operator' as const };
const accountSecurity: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const operatorSecurity: Array<Record<string, string[]>> = [{ bearer: [] }];
const idParams = { type: 'object', properties: { id: str(32) }, required: ['id'] } as const;
const reportObject = { type: 'object', additionalProperties: true } as const;

export async function geoReportRoutes(app: FastifyInstance, s: Services, reports: GeoReportService): Promise<void> {
  app.post<{ Body: ReportInput }>('/api/v1/me/ip-location-reports', {
    config: accountAuth,
    schema: {
      tags: ['me'], security: accountSecurity, summary: 'Report that an IP address is located wrongly (reviewed by an operator)',
      body: { type: 'object', additionalProperties: false, required: ['ip', 'country'], properties: { ip: str(64), country: str(64), region: str(64), city: str(64), note: str(500) } },
      response: { 201: { type: 'object', properties: { report: reportObject } }, ...errors(400, 401, 429) },
    },
  }, async (request, reply) => reply.code(201).send({ report: await reports.report(request.session!.subjectId, request.body, s.context(request)) }));

  app.get('/api/v1/me/ip-location-reports', {
    config: accountAuth,
    schema: { tags: ['me'], security: accountSecurity, summary: 'My IP-location reports and their review status, newest first', response: { 200: { type: 'object', properties: { reports: { type: 'array', items: reportObject } } }, ...errors(401) } },
  }, async (request) => ({ reports: await reports.mine(request.session!.subjectId, 100) }));

  app.get('/api/v1/admin/ip-location-overrides', {
    config: operatorAuth,
    schema: { tags: ['operators'], security: operatorSecurity, summary: 'IP-location overrides in force (applied before the shipped databases)', response: { 200: { type: 'object', properties: { overrides: { type: 'array', items: reportObject } } }, ...errors(401, 403) } },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return { overrides: await reports.overrides() };
  });

  app.delete<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/admin/ip-location-overrides/:id', {
    config: operatorAuth,
    schema: {
      tags: ['operators'], security: operatorSecurity, summary: 'Revoke an override (the shipped databases apply again)',
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: str(500) } },
      response: { 204: { type: 'null', description: 'No content' }, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin']);
    await reports.revoke(request.session!.subjectId, request.params.id, request.body.reason, s.context(request));
    return reply.code(204).send();
  });

  app.get<{ Querystring: { status?: 'pending' | 'accepted' | 'rejected'; limit?: string } }>('/api/v1/admin/ip-location-reports', {
    config: operatorAuth,
    schema: {
      tags: ['operators'], security: operatorSecurity, summary: 'IP-location reports, oldest first',
      querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: ['pending', 'accepted', 'rejected'] }, limit: { type: 'string', pattern: '^[0-9]{1,3}$' } } },
      response: { 200: { type: 'object', properties: { reports: { type: 'array', items: reportObject } } }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return { reports: await reports.list(request.query.status, Math.min(Number(request.query.limit ?? 100) || 100, 500)) };
  });

  app.post<{ Params: { id: string }; Body: { prefix?: string; expiresAt?: string; reason: string } }>('/api/v1/admin/ip-location-reports/:id/accept', {
    config: operatorAuth,
    schema: {
      tags: ['operators'], security: operatorSecurity, summary: 'Accept a report: its location overrides the databases for the IP (or a covering prefix)',
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { prefix: str(64), expiresAt: str(40), reason: str(500) } },
      response: { 200: { type: 'object', properties: { report: reportObject, override: reportObject } }, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return reports.accept(request.session!.subjectId, request.params.id, request.body, s.context(request));
  });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/admin/ip-location-reports/:id/reject', {
    config: operatorAuth,
    schema: {
      tags: ['operators'], security: operatorSecurity, summary: 'Reject a report',
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: str(500) } },
      response: { 200: { type: 'object', properties: { report: reportObject } }, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    await s.operators.requireRole(request.session!.subjectId, ['admin', 'reviewer']);
    return reports.reject(request.session!.subjectId, request.params.id, request.body.reason, s.context(request));
  });
}
