/**
 * Route-level operation protection: a route declares `config: { operation: 'password.change' }`
 * and this preHandler (registered after the auth hook) runs `ProtectionService.require` for it.
 * A preValidation hook opens the per-request audit-link store first (preValidation rather than
 * onRequest, because body parsing would otherwise leave the async context).
 */
import type { FastifyInstance } from 'fastify';
import { runWithAuditLinks } from '../platform/audit/request-links.js';
import type { OperationName } from './operations.js';
import type { ProtectionService } from './service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    operation?: OperationName;
  }
}

export function registerProtection(app: FastifyInstance, protection: ProtectionService): void {
  app.addHook('preValidation', (_request, _reply, done) => runWithAuditLinks(() => done()));
  app.addHook('preHandler', async (request) => {
    const operation = request.routeOptions.config.operation;
    if (operation) await protection.require(request, operation);
  });
}
