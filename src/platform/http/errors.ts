import { ERROR_CATALOG, type ErrorCode } from './error-catalog.js';

/** A failure the client caused or may act on; rendered as the contract's error envelope. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    options: { status?: number; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.status = options.status ?? ERROR_CATALOG[code].status;
    this.headers = options.headers ?? {};
  }
  readonly headers: Record<string, string>;
}

export function validationFailed(fields: Record<string, string>): AppError {
  return new AppError('validation_failed', { fields });
}

export function rateLimited(retryAfterSeconds: number): AppError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError('rate_limited', { retryAfter }, { headers: { 'retry-after': String(retryAfter) } });
}

export type Language = 'zh-CN' | 'en';

/** Picks zh-CN or en from Accept-Language (first supported tag by q-weight order). */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  const tags = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

export function errorBody(code: ErrorCode, language: Language, details: Record<string, unknown>) {
  const entry = ERROR_CATALOG[code];
  return { error: { code, message: language === 'zh-CN' ? entry.zh : entry.en, details } };
}
