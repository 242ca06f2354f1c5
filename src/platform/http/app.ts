/**
 * The Fastify application shell: security headers, cookies, JSON-schema validation with the
 * contract's error envelope, OpenAPI, metrics, health and the console's static files. Modules
 * add their routes; nothing here knows about accounts.
 */
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import type { TrustProxy } from './client-ip.js';
import { normaliseIp } from './client-ip.js';
import { AppError, errorBody, pickLanguage, type Language } from './errors.js';
import { registerMetrics } from './metrics.js';
import type { RequestContext } from './context.js';
import type { GeoLocation } from '../../geo/location.js';
import type { ErrorCode } from './error-catalog.js';

const BODY_LIMIT_BYTES = 64 * 1024; // the largest legitimate body (a WebAuthn response) is a few KB
const USER_AGENT_MAX_CHARS = 512;
const ASSET_MAX_AGE_S = 365 * 24 * 60 * 60; // hashed file names: a rebuild changes the name, never the content

export interface AppShellOptions {
  logger: Logger;
  trustProxy: TrustProxy;
  consoleDir: string | null;
  locate: (ip: string) => GeoLocation;
  ready: () => Promise<void>;
  version: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    language: Language;
  }
}

/** Maps a validation failure to `details.fields`: `{ "email": "must match format \"email\"" }`. */
function validationFields(err: FastifyError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const v of err.validation ?? []) {
    const params = v.params as Record<string, unknown>;
    const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
    const name = typeof params.missingProperty === 'string' ? (path ? `${path}.${params.missingProperty}` : params.missingProperty)
      : typeof params.additionalProperty === 'string' ? (path ? `${path}.${params.additionalProperty}` : params.additionalProperty)
      : path || (err.validationContext ?? 'body');
    fields[name] ??= typeof params.additionalProperty === 'string' ? 'is not allowed' : (v.message ?? 'is invalid');
  }
  return fields;
}

const FRAMEWORK_ERRORS: Record<string, { code: ErrorCode; fields?: Record<string, string> }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'validation_failed', fields: { body: 'content length does not match the body' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'validation_failed', fields: { body: 'must be a JSON object' } },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'validation_failed', fields: { body: 'is not valid JSON' } },
};

export async function buildAppShell(opts: AppShellOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.logger as FastifyBaseLogger,
    // Fastify accepts a hop count at run time (proxy-addr), though its types omit numbers.
    trustProxy: opts.trustProxy as string | boolean,
    bodyLimit: BODY_LIMIT_BYTES,
    ajv: {
      // Reject rather than coerce: `{"password": 123}` is a client bug, not the string "123".
      customOptions: { coerceTypes: false, allErrors: true, removeAdditional: false, useDefaults: true },
    },
    routerOptions: { maxParamLength: 200 },
    // A URL the router cannot decode (`%ff`) or with an over-long parameter never reaches a
    // route, so setErrorHandler below never sees it: answer in the contract's envelope here.
    frameworkErrors: (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const why = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path parameter is too long' : 'is not a valid URL';
      return reply.code(400).send(errorBody('validation_failed', pickLanguage(request.headers['accept-language']), { fields: { path: why } }));
    },
  });

  app.decorateRequest('language', 'en');
  app.addHook('onRequest', async (request) => {
    request.language = pickLanguage(request.headers['accept-language']);
  });
  // API answers are personal (profile, sessions, codes' status): never kept by a browser or a
  // shared cache, so Back after signing out shows nothing stale. Routes may set their own.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  // PostgreSQL text cannot hold U+0000 (the driver fails the whole query), SQLite can: refuse
  // it at the door so both databases answer bad input with the same 400, never a 500.
  app.addHook('preValidation', async (request) => {
    const where = firstNulField(request.params) ?? firstNulField(request.query) ?? firstNulField(request.body, 'body');
    if (where) throw new AppError('validation_failed', { fields: { [where]: 'must not contain NUL characters' } });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Ant Design writes its styles at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        // The ALTCHA widget solves its proof of work in blob: workers.
        'worker-src': ["'self'", 'blob:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Gatehouse API', version: opts.version, description: 'Account centre and account security. Errors: `{"error":{"code","message","details"}}`.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'gh_session' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerMetrics(app);
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await opts.ready();
      return { status: 'ready' };
    } catch (err) {
      opts.logger.warn({ err }, 'readiness check failed');
      return reply.code(503).send(errorBody('service_unavailable', 'en', {}));
    }
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const language = request.language ?? 'en';
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      return reply.code(err.status).send(errorBody(err.code, language, err.details));
    }
    if (err.validation) return reply.code(400).send(errorBody('validation_failed', language, { fields: validationFields(err) }));
    const known = err.code ? FRAMEWORK_ERRORS[err.code] : undefined;
    if (known) return reply.code(known.code === 'validation_failed' ? 400 : (err.statusCode ?? 400)).send(errorBody(known.code, language, known.fields ? { fields: known.fields } : {}));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(400).send(errorBody('validation_failed', language, { fields: { request: err.message.slice(0, 200) } }));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('internal_error', language, {}));
  });

  const consoleDir = opts.consoleDir && existsSync(opts.consoleDir) ? opts.consoleDir : null;
  if (consoleDir) {
    await app.register(fastifyStatic, {
      root: consoleDir, prefix: '/', wildcard: false, index: ['index.html'],
      // index.html names the hashed bundles, so it must be revalidated or a rebuilt console is
      // not picked up; the hashed files under assets/ never change and may be kept for a year.
      setHeaders: (reply, path) => {
        if (path.endsWith('index.html')) reply.header('cache-control', 'no-cache');
        else if (/[\\/]assets[\\/]/.test(path)) reply.header('cache-control', `public, max-age=${ASSET_MAX_AGE_S}, immutable`);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // A missing bundle (an old index.html asking for a file a rebuild removed) must be a 404:
    // answering it with index.html makes the browser fail on HTML served as JavaScript.
    const notTheSpa = request.url.startsWith('/api/') || request.url.startsWith('/assets/');
    if (!notTheSpa && consoleDir && (request.method === 'GET' || request.method === 'HEAD')) {
      // Client-side routes of the console (e.g. /security, /not-me/<token>) all load the SPA.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send(errorBody('not_found', request.language ?? 'en', {}));
  });

  return app;
}

/** Dotted path of the first string (key or value) holding U+0000, or null. Iterative: bodies may nest deeply. */
export function firstNulField(root: unknown, rootName = 'request'): string | null {
  const stack: Array<[string, unknown]> = [['', root]];
  while (stack.length > 0) {
    const [path, value] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || rootName;
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) return path || rootName;
        stack.push([path ? `${path}.${k}` : k, v]);
      }
    }
  }
  return null;
}

export function contextOf(request: FastifyRequest, locate: (ip: string) => GeoLocation): RequestContext {
  const ip = normaliseIp(request.ip);
  const ua = request.headers['user-agent'];
  return { ip, userAgent: typeof ua === 'string' ? ua.slice(0, USER_AGENT_MAX_CHARS) : '', language: request.language, location: locate(ip) };
}
