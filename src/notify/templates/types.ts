/**
 * Template ids, locales and the parameters each template takes. The ids are part of the API
 * contract (they are stored with every message and named in provider configuration), so they
 * never change meaning; add new ids rather than repurposing old ones.
 */

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const TEMPLATE_IDS = [
  'verification_code',
  'remote_login',
  'long_interval_login',
  'account_locked',
  'password_changed',
  'security_setting_changed',
  'mfa_bound',
  'mfa_unbound',
  'contact_changed',
  'sessions_revoked',
  'realname_result',
  'realname_status_changing',
  'ticket_update',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}

export interface Brand {
  /** Shown in subjects and sentences, e.g. 'Gatehouse'. */
  productName: string;
  /** The word users whitelist or search for; it is the SMS signature (【keyword】) and named in email footers. */
  searchKeyword: string;
  /** The From address, named in email footers so users can whitelist it. */
  senderEmail: string;
  /** Where users reach the console themselves (we send them there rather than to links in SMS). */
  consoleUrl: string;
}

/**
 * Known purposes get a translated phrase; any other string renders as a neutral
 * "verify your identity", never as the raw internal value.
 */
export type VerificationPurpose =
  // The purposes codes are issued for (src/codes/constants.ts), stored with the message as sent.
  | 'register'
  | 'login'
  | 'bind_contact'
  | 'second_factor'
  | 'step_up'
  | 'sign_in'
  | 'sign_up'
  | 'reset_password'
  | 'change_password'
  | 'bind_phone'
  | 'bind_email'
  | 'change_contact'
  | 'enable_mfa'
  | 'disable_mfa'
  | 'unlock_account'
  | 'sensitive_operation'
  | 'delete_account';

// All times are passed pre-formatted for the recipient (their time zone and locale): only the
// caller knows the zone, and SMS variables must stay short.

export interface VerificationCodeParams {
  code: string;
  // `string & {}` keeps editor completion for the known purposes while accepting others.
  purpose: VerificationPurpose | (string & {});
  expiresInMinutes: number;
}

export interface RemoteLoginParams {
  time: string;
  ip: string;
  location: string;
  device: string;
  notMeUrl: string;
  /** Why it is "unusual": the account's usual cities, e.g. "北京市, 上海市" (the risk record's new-city signal). */
  usualCities?: string;
  /** Set when the impossible-travel signal fired: "<km> km in <hours> h" from the previous sign-in. */
  travel?: string;
}

export interface LongIntervalLoginParams {
  time: string;
  ip: string;
  location: string;
  previousTime: string;
  notMeUrl: string;
}

export interface AccountLockedParams {
  lockedUntil: string;
  ip: string;
}

/** Shared by password_changed, security_setting_changed, mfa_bound, mfa_unbound, contact_changed, sessions_revoked. */
export interface SecurityEventParams {
  time: string;
  ip?: string;
  /** Short human-readable specifics, e.g. which setting changed. */
  detail?: string;
  notMeUrl?: string;
}

export interface RealnameResultParams {
  result: 'approved' | 'rejected';
  reason?: string;
}

export interface RealnameStatusChangingParams {
  effectiveAt: string;
  reason: string;
}

export type TicketStatus = 'open' | 'in_progress' | 'awaiting_reply' | 'resolved' | 'closed';

export interface TicketUpdateParams {
  ticketId: string;
  status: TicketStatus | (string & {});
  comment?: string;
}

export interface TemplateParams {
  verification_code: VerificationCodeParams;
  remote_login: RemoteLoginParams;
  long_interval_login: LongIntervalLoginParams;
  account_locked: AccountLockedParams;
  password_changed: SecurityEventParams;
  security_setting_changed: SecurityEventParams;
  mfa_bound: SecurityEventParams;
  mfa_unbound: SecurityEventParams;
  contact_changed: SecurityEventParams;
  sessions_revoked: SecurityEventParams;
  realname_result: RealnameResultParams;
  realname_status_changing: RealnameStatusChangingParams;
  ticket_update: TicketUpdateParams;
}

/**
 * Variable order of `smsParams` for each template: what an operator registers with an
 * approved-template SMS provider as {1}, {2}, … No URLs (Tencent rejects URLs in variables,
 * and a link in a security SMS trains users to tap links) and no free text (variables are
 * length-limited); verification codes go alone with their validity, as digit-only variables
 * are all a verification-class template accepts.
 */
export const SMS_PARAM_ORDER: { readonly [K in TemplateId]: readonly string[] } = {
  verification_code: ['code', 'expiresInMinutes'],
  remote_login: ['time', 'location', 'ip'],
  long_interval_login: ['time', 'location', 'ip'],
  account_locked: ['lockedUntil', 'ip'],
  password_changed: ['time'],
  security_setting_changed: ['time'],
  mfa_bound: ['time'],
  mfa_unbound: ['time'],
  contact_changed: ['time'],
  sessions_revoked: ['time'],
  realname_result: ['result'],
  realname_status_changing: ['effectiveAt'],
  ticket_update: ['ticketId', 'status'],
};

/**
 * One email paragraph: plain prose, a value set apart (the code), a group of "label: value"
 * facts kept together, or numbered steps.
 */
export type Block = string | { emphasis: string } | { lines: string[] } | { steps: string[] };

/** What a locale writes for one template before the shared footer and signature are added. */
export interface Composed {
  subject: string;
  /** Email paragraphs, in order, before the shared footer. */
  blocks: Block[];
  /** SMS body without the 【signature】 prefix; no links. */
  sms: string;
  /** Values in `SMS_PARAM_ORDER[id]` order, localized where they are words. */
  smsParams: string[];
}

export type Composer<P> = (params: P, brand: Brand) => Composed;

export interface LocaleTexts {
  templates: { readonly [K in TemplateId]: Composer<TemplateParams[K]> };
  /** Closing email paragraphs: who sent this, how to whitelist it, anti-phishing reminder. */
  footer(brand: Brand): string[];
  /** Prefix of every SMS text, e.g. 【Gatehouse】. */
  smsSignature(brand: Brand): string;
}

export interface RenderedTemplate {
  /** Email subject. */
  subject: string;
  /** Plain-text email body. */
  text: string;
  /** HTML email body; every parameter is escaped. */
  html: string;
  /** Complete free-text SMS, starting with the signature (【keyword】 / [keyword]). */
  smsText: string;
  /** Ordered variables for approved-template SMS providers; see SMS_PARAM_ORDER. */
  smsParams: string[];
}
