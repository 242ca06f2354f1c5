/** JSON-schema pieces shared by route definitions (they also become the OpenAPI document). */
export const errorEnvelope = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', additionalProperties: true } },
      required: ['code', 'message', 'details'],
    },
  },
  required: ['error'],
} as const;

export const str = (maxLength: number, extra: Record<string, unknown> = {}) => ({ type: 'string', minLength: 1, maxLength, ...extra }) as const;
export const isoTime = { type: 'string', format: 'date-time' } as const;
export const passwordField = { type: 'string', minLength: 1, maxLength: 1024 } as const;
export const codeField = { type: 'string', minLength: 1, maxLength: 16 } as const;

export const geoLocation = {
  type: 'object',
  properties: {
    country: { type: ['string', 'null'] },
    region: { type: ['string', 'null'] },
    city: { type: ['string', 'null'] },
    countryCode: { type: ['string', 'null'] },
  },
} as const;

/** Standard error responses a route may produce, for the OpenAPI document. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorEnvelope]));
}

export const noContent = { 204: { type: 'null', description: 'No content' } } as const;
