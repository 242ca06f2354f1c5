// The one way the console talks to the server: same-origin fetch, JSON in and out,
// errors parsed into ApiError, CSRF header on unsafe methods, Accept-Language on every
// request, and the operation-protection step-up (403 verification_required) handled by
// whatever handler the StepUpProvider registers.
import type { ErrorEnvelope, StepUpChallenge, VerifyMethod } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Thrown when the user closes the step-up dialog instead of verifying. */
export const STEP_UP_CANCELLED = 'verification_cancelled';
/** Thrown when the server cannot be reached or answers something that is not JSON. */
export const NETWORK_ERROR = 'network_error';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  headers?: Record<string, string>;
  /** Set false to receive 403 verification_required as an error instead of a dialog. */
  stepUp?: boolean;
  signal?: AbortSignal;
}

type StepUpHandler = (challenge: StepUpChallenge) => Promise<string>;

let acceptLanguage = 'en';
let stepUpHandler: StepUpHandler | null = null;

export function setApiLanguage(lang: string): void {
  acceptLanguage = lang;
}

export function setStepUpHandler(handler: StepUpHandler | null): void {
  stepUpHandler = handler;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'gh_csrf';
/** Preferred for operator calls if the server ever splits the two sessions' CSRF cookies. */
export const ADMIN_CSRF_COOKIE = 'gh_admin_csrf';

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: a proxy error page, for instance */
  }
  const envelope = body as Partial<ErrorEnvelope> | null;
  if (envelope && typeof envelope === 'object' && envelope.error && typeof envelope.error.code === 'string') {
    const { code, message, details } = envelope.error;
    return new ApiError(res.status, code, message ?? '', details ?? {});
  }
  return new ApiError(res.status, res.status >= 500 ? 'server_error' : NETWORK_ERROR, '');
}

async function send(method: string, path: string, body: unknown, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage,
    ...opts.headers,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const csrf = (path.startsWith('/api/v1/admin/') ? readCookie(ADMIN_CSRF_COOKIE) : null) ?? readCookie(CSRF_COOKIE);
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  try {
    return await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_ERROR, '');
  }
}

function stepUpChallengeOf(err: ApiError): StepUpChallenge | null {
  if (err.status !== 403 || err.code !== 'verification_required') return null;
  const ticket = err.details.ticket;
  const methods = err.details.methods;
  if (typeof ticket !== 'string' || !Array.isArray(methods)) return null;
  return { ticket, methods: methods as VerifyMethod[] };
}

/** Sends a request and returns the parsed JSON body (undefined for 204). */
export async function api<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, body, opts);
  if (!res.ok) {
    const err = await parseError(res);
    const challenge = opts.stepUp === false ? null : stepUpChallengeOf(err);
    if (!challenge || !stepUpHandler) throw err;
    const token = await stepUpHandler(challenge);
    res = await send(method, path, body, {
      ...opts,
      headers: { ...opts.headers, 'X-Verification-Token': token },
    });
    if (!res.ok) throw await parseError(res);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, query?: Query, opts?: RequestOptions) =>
  api<T>('GET', path, undefined, { ...opts, query });
export const post = <T>(path: string, body?: unknown, opts?: RequestOptions) =>
  api<T>('POST', path, body ?? {}, opts);
export const put = <T>(path: string, body?: unknown, opts?: RequestOptions) =>
  api<T>('PUT', path, body ?? {}, opts);
export const patch = <T>(path: string, body?: unknown, opts?: RequestOptions) =>
  api<T>('PATCH', path, body ?? {}, opts);
export const del = <T = void>(path: string, body?: unknown, opts?: RequestOptions) =>
  api<T>('DELETE', path, body, opts);

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
