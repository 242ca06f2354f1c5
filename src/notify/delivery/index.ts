/**
 * The delivery module's manifest: the message worker, webhooks, the self-diagnosis, and the
 * background loops that drive them (plus the periodic reload of accepted IP corrections,
 * which shares the loop machinery).
 *
 * Modes: in `deliver` mode the message worker runs; in `outbox` mode messages stay 'stored'
 * for the dev outbox and no worker touches them. Webhooks go to the operator's own systems,
 * not to people, so they are dispatched in both modes.
 */
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { GeoReportService } from '../../geo-reports/service.js';
import { DeliveryDiagnosis } from '../diagnosis/service.js';
import { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { WebhookService } from '../webhooks/service.js';
import { startLoop, type Loop } from './loop.js';
import { DeliveryWorker, type DeliveryProviders } from './worker.js';

export interface Delivery {
  providers: DeliveryProviders;
  /** Null in outbox mode. */
  worker: DeliveryWorker | null;
  webhooks: WebhookService;
  dispatcher: WebhookDispatcher;
  diagnosis: DeliveryDiagnosis;
  /** Starts the timer loops (per config.background); returns their combined stop. */
  start(logger: Logger, geoReports: GeoReportService): { stop(): Promise<void> };
  /** Closes provider connections. */
  close(): Promise<void>;
}

export function createDelivery(d: { db: Db; dialect: 'sqlite' | 'postgres'; clock: Clock; config: Config }): Delivery {
  const providers: DeliveryProviders = d.config.notifyProviders.mode === 'deliver' ? { ...(d.config.notifyProviders.email ? { email: d.config.notifyProviders.email } : {}), ...(d.config.notifyProviders.sms ? { sms: d.config.notifyProviders.sms } : {}) } : {};
  const worker = d.config.notifyMode === 'deliver' ? new DeliveryWorker(d.db, d.dialect, d.clock, providers) : null;
  const dispatcher = new WebhookDispatcher(d.db, d.dialect, d.clock, d.config.keyRing);
  return {
    providers,
    worker,
    webhooks: new WebhookService(d.db, d.clock, d.config.keyRing),
    dispatcher,
    diagnosis: new DeliveryDiagnosis({ db: d.db, clock: d.clock, mode: d.config.notifyMode, providers, brand: d.config.brand }),
    start(logger, geoReports) {
      const loops: Loop[] = [];
      const { deliveryPollMs, geoOverrideReloadMs } = d.config.background;
      if (deliveryPollMs > 0) {
        if (worker) loops.push(startLoop('message-delivery', deliveryPollMs, () => worker.runOnce(), logger));
        loops.push(startLoop('webhook-delivery', deliveryPollMs, () => dispatcher.runOnce(), logger));
      }
      if (geoOverrideReloadMs > 0) loops.push(startLoop('geo-override-reload', geoOverrideReloadMs, () => geoReports.reloadOverrides(), logger));
      return { stop: async () => void (await Promise.all(loops.map((l) => l.stop()))) };
    },
    async close() {
      await Promise.all([providers.email?.close?.(), providers.sms?.close?.()]);
    },
  };
}
