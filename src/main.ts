/**
 * The one composition root: config → database → services → HTTP app. Tests call
 * `createGatehouse` with their own config and a ManualClock; `gatehouse serve` calls it with
 * the environment's.
 */
import pino, { type Logger } from 'pino';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { systemClock, type Clock } from './platform/clock.js';
import { openDatabase, pingDatabase, type OpenedDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { deriveSubkey } from './platform/crypto.js';
import { PasswordHasher, OWASP_ARGON2ID, type Argon2Params } from './platform/password-hasher.js';
import { buildAppShell, contextOf } from './platform/http/app.js';
import { registerAuth } from './platform/http/auth.js';
import { projectFile } from './platform/project-path.js';
import { openGeoLocator, type GeoLocator } from './geo/index.js';
import { CaptchaService, type CaptchaDifficulty } from './captcha/service.js';
import { CodeService } from './codes/service.js';
import { SessionService } from './sessions/service.js';
import { Notifier } from './notify/notifier.js';
import { PasswordGate } from './signin/password-gate.js';
import { SignInService } from './signin/service.js';
import { NotMeLinks } from './signin/not-me-links.js';
import { FactorRegistry } from './factors/factor.js';
import { ContactCodeFactor } from './factors/contact-code-factor.js';
import { AccountService } from './accounts/service.js';
import { OperatorService } from './operators/service.js';
import { RiskAssessor } from './risk/assessor.js';
import { MeService } from './me/service.js';
import { createMfa, type MfaModule } from './mfa/index.js';
import { ProtectionService } from './protection/service.js';
import { SecuritySettingsService } from './protection/settings.js';
import { registerProtection } from './protection/hook.js';
import { createContacts, type Contacts } from './contacts/index.js';
import { createDelivery, type Delivery } from './notify/delivery/index.js';
import { GeoReportService } from './geo-reports/service.js';
import type { RequestContext } from './platform/http/context.js';
import type { FastifyRequest } from 'fastify';
import { registerRoutes } from './routes.js';

export interface Services {
  config: Config;
  clock: Clock;
  logger: Logger;
  database: OpenedDatabase;
  geo: GeoLocator;
  hasher: PasswordHasher;
  captcha: CaptchaService;
  codes: CodeService;
  sessions: SessionService;
  notifier: Notifier;
  notMe: NotMeLinks;
  factors: FactorRegistry;
  risk: RiskAssessor;
  signIn: SignInService;
  accounts: AccountService;
  operators: OperatorService;
  me: MeService;
  delivery: Delivery;
  geoReports: GeoReportService;
  mfa: MfaModule;
  protection: ProtectionService;
  securitySettings: SecuritySettingsService;
  contacts: Contacts;
  csrfKey: Buffer;
  context(request: FastifyRequest): RequestContext;
}

export interface GatehouseOptions {
  clock?: Clock;
  logger?: Logger;
  /** Lighter hashing for tests that create many accounts; production always uses OWASP. */
  argon2?: Argon2Params;
  captcha?: CaptchaDifficulty;
  /** Skip migrations (e.g. a second process on an already-migrated database). */
  migrate?: boolean;
}

export interface Gatehouse {
  app: FastifyInstance;
  services: Services;
  close(): Promise<void>;
}

const MFA_TICK_INTERVAL_MS = 60_000;
const DEFAULT_CAPTCHA: CaptchaDifficulty = { cost: 100, counterMin: 2_000, counterMax: 5_000 };

function packageVersion(): string {
  return (JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string }).version;
}

export async function createServices(config: Config, opts: GatehouseOptions = {}): Promise<Services> {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? pino({ level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] });
  const database = openDatabase(config.database);
  if (opts.migrate !== false) await migrateToLatest(database.db);
  const db = database.db;
  const geo = await openGeoLocator({ clock });
  const hasher = new PasswordHasher(opts.argon2 ?? OWASP_ARGON2ID);
  const captcha = new CaptchaService(db, clock, config.keyRing, opts.captcha ?? DEFAULT_CAPTCHA);
  const brand = { ...config.brand, consoleUrl: config.publicUrl };
  const notifier = new Notifier(brand, config.notifyMode);
  const codes = new CodeService(db, clock, config.keyRing, notifier);
  const sessions = new SessionService(db, clock, config.session, (err) => logger.warn({ err }, 'session touch failed'));
  const notMe = new NotMeLinks(config.publicUrl);
  const factors = new FactorRegistry();
  factors.register(new ContactCodeFactor('sms', codes));
  factors.register(new ContactCodeFactor('email', codes));
  const risk = new RiskAssessor(db);
  const gate = new PasswordGate(db, clock, hasher, captcha, { name: 'signin-ip-failures', max: config.ipSignInFailureLimit.max, windowMs: config.ipSignInFailureLimit.windowMs });
  const signIn = new SignInService({ db, clock, keyRing: config.keyRing, hasher, gate, captcha, sessions, notifier, risk, factors, notMe });
  const accounts = new AccountService({ db, clock, hasher, codes, sessions, notifier, notMe });
  const operators = new OperatorService({ db, clock, hasher, gate, captcha, sessions, keyRing: config.keyRing });
  const me = new MeService(db, clock, sessions, notifier);
  const contacts = createContacts({
    db, clock, keyRing: config.keyRing, codes, captcha, notifier, notMe, signIn, phoneAccountLimit: config.phoneAccountLimit,
    signInIpRule: { name: 'signin-ip-failures', max: config.ipSignInFailureLimit.max, windowMs: config.ipSignInFailureLimit.windowMs },
  });
  const delivery = createDelivery({ db, dialect: database.kind, clock, config });
  const geoReports = new GeoReportService(db, clock, geo);
  await geoReports.reloadOverrides();
  const locate = (ip: string) => geo.lookup(ip);
  const mfa = createMfa({ db, clock, keyRing: config.keyRing, notifier, factors, publicUrl: config.publicUrl, productName: config.brand.productName, unbindCoolingOffMs: config.mfaUnbindCoolingOffMs });
  me.setMfaLister((accountId) => mfa.service.list(accountId));
  const protection = new ProtectionService({ db, clock, factors, context: (request) => contextOf(request, locate) });
  const securitySettings = new SecuritySettingsService({ db, clock, notifier, factors });
  return {
    config, clock, logger, database, geo, hasher, captcha, codes, sessions, notifier, notMe, factors, risk, signIn, accounts, operators, me, delivery, geoReports, mfa, protection, securitySettings, contacts,
    csrfKey: deriveSubkey(config.keyRing, 'csrf'),
    context: (request) => contextOf(request, locate),
  };
}

export async function createGatehouse(config: Config, opts: GatehouseOptions = {}): Promise<Gatehouse> {
  const services = await createServices(config, opts);
  const app = await buildAppShell({
    logger: services.logger,
    trustProxy: config.trustProxy,
    consoleDir: projectFile('console/dist'),
    locate: (ip) => services.geo.lookup(ip),
    ready: () => pingDatabase(services.database.db),
    version: packageVersion(),
  });
  const ring = config.keyRing;
  registerAuth(app, services.sessions, services.csrfKey, [...ring.keys.keys()].filter((kid) => kid !== ring.currentKeyId).map((kid) => deriveSubkey(ring, 'csrf', kid)));
  registerProtection(app, services.protection);
  await registerRoutes(app, services);
  await app.ready();
  const background = services.delivery.start(services.logger, services.geoReports);
  // Completes approved lost-MFA tickets past their cooling-off and drops expired WebAuthn challenges.
  const mfaTimer = setInterval(() => {
    services.mfa.tick(services.clock.now()).catch((err: unknown) => services.logger.warn({ err }, 'mfa periodic work failed'));
  }, MFA_TICK_INTERVAL_MS);
  mfaTimer.unref();
  return {
    app,
    services,
    async close() {
      clearInterval(mfaTimer);
      await background.stop();
      await app.close();
      await services.delivery.close();
      await services.database.close();
    },
  };
}
