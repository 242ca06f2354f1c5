import { DAY_MS, HOUR_MS } from '../platform/clock.js';

/**
 * How many accounts one mobile number may serve unless GATEHOUSE_PHONE_ACCOUNT_LIMIT says
 * otherwise. Source: seed 003 ("The number of accounts bound to the mobile phone number has
 * reached the limit … After modification, the original mobile number will be released"). The
 * seed does not give the number; 5 keeps family/team sharing possible while bounding abuse.
 */
export const DEFAULT_PHONE_ACCOUNT_LIMIT = 5;

/** "Which accounts use this phone?" answers at most this many per IP and hour (enumeration). */
export const ACCOUNT_LOOKUPS_PER_IP_PER_HOUR = 20;
/** How many accounts a lookup lists at most (the bound limit keeps real lists short). */
export const ACCOUNT_LOOKUP_MAX_RESULTS = 50;

/** Phone-change-by-documents requests (seed 001 "Method 2"): per client IP per day. */
export const PHONE_CHANGE_REQUESTS_PER_IP_PER_DAY = 5;
export const PHONE_CHANGE_REQUEST_WINDOW_MS = DAY_MS;
export const ACCOUNT_LOOKUP_WINDOW_MS = HOUR_MS;

/** Identity documents: the seed asks for front and back photos (plus a business licence for enterprises). */
export const DOCUMENTS_MIN = 1;
export const DOCUMENTS_MAX = 4;
/** 2 MiB per decoded image: a phone photo re-encoded by the console stays well under this. */
export const DOCUMENT_MAX_BYTES = 2 * 1024 * 1024;
/** Base64 inflates by 4/3; the route's body limit leaves room for every document plus JSON. */
export const DOCUMENT_MAX_BASE64_CHARS = Math.ceil(DOCUMENT_MAX_BYTES / 3) * 4;
export const PHONE_CHANGE_BODY_LIMIT_BYTES = DOCUMENTS_MAX * DOCUMENT_MAX_BASE64_CHARS + 64 * 1024;
export const DOCUMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];
export const DOCUMENT_KINDS = ['id_front', 'id_back', 'holding_id', 'driver_license', 'business_license', 'legal_rep_id', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const PHONE_CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type PhoneChangeStatus = (typeof PHONE_CHANGE_STATUSES)[number];
