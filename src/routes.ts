/** Every module's routes, registered on the app shell. */
import type { FastifyInstance } from 'fastify';
import type { Services } from './main.js';
import { captchaRoutes } from './captcha/routes.js';
import { codeRoutes } from './codes/routes.js';
import { accountRoutes } from './accounts/routes.js';
import { signInRoutes } from './signin/routes.js';
import { meRoutes } from './me/routes.js';
import { operatorRoutes } from './operators/routes.js';
import { devOutboxRoutes } from './notify/dev-outbox-routes.js';
import { deliveryLogRoutes } from './notify/delivery/routes.js';
import { webhookRoutes } from './notify/webhooks/routes.js';
import { diagnosisRoutes } from './notify/diagnosis/routes.js';
import { geoReportRoutes } from './geo-reports/routes.js';
import { mfaRoutes } from './mfa/routes.js';
import { mfaAdminRoutes } from './mfa/admin-routes.js';
import { mfaUnbindRoutes } from './mfa/unbind/routes.js';
import { protectionRoutes } from './protection/routes.js';
import { contactRoutes } from './contacts/routes.js';
import { contactAdminRoutes } from './contacts/admin-routes.js';

export async function registerRoutes(app: FastifyInstance, s: Services): Promise<void> {
  await captchaRoutes(app, s);
  await codeRoutes(app, s);
  await accountRoutes(app, s);
  await signInRoutes(app, s);
  await meRoutes(app, s, s.me);
  await operatorRoutes(app, s);
  await mfaRoutes(app, s);
  await mfaAdminRoutes(app, s);
  await mfaUnbindRoutes(app, s);
  await protectionRoutes(app, s);
  await contactRoutes(app, s);
  await contactAdminRoutes(app, s);
  await deliveryLogRoutes(app, s);
  await webhookRoutes(app, s, s.delivery.webhooks);
  await diagnosisRoutes(app, s, s.delivery.diagnosis);
  await geoReportRoutes(app, s, s.geoReports);
  if (s.config.notifyMode === 'outbox') await devOutboxRoutes(app, s.database.db);
}
