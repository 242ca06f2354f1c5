// Request and response shapes of the Gatehouse HTTP API. Where the server's route has a real
// response schema the shape is DERIVED from `schema.d.ts`, which `npm run gen:api-types`
// generates from the server's OpenAPI document (a test fails when it is stale); the rest are
// still written by hand from shared/docs/api-contract.md until their routes get schemas.
// Every other file imports its types from here, so a swap touches only this file.
import type { paths } from './schema';

/** The JSON body of a route's 200 answer, as the OpenAPI document describes it. */
type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete' = 'get'> =
  paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

/** The JSON body a route accepts, as its request schema (and so the OpenAPI document) states it. */
type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch' = 'post'> =
  paths[P][M] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

/* ---------- errors ---------- */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/* ---------- verification codes ---------- */
export type CodeChannel = 'email' | 'sms';
export type CodePurpose = 'register' | 'login' | 'reset_password' | 'bind_contact' | 'verify';
export type SendCodeRequest = Body<'/api/v1/verification-codes'>;
export interface SendCodeResponse { expiresIn: number; resendAfter: number }

/* ---------- registration ---------- */
export type RegisterRequest = Body<'/api/v1/accounts'>;
export interface RegisterResponse { account: { id: string; email: string } }

/* ---------- sign-in (customer and operator share the shapes) ---------- */
export interface PasswordSignInRequest { identifier: string; password: string; captcha?: string }
export interface CodeSignInRequest { identifier: string; code: string; captcha?: string }
export type AdminSignInRequest = Body<'/api/v1/admin/sessions'>;
export interface SignInSuccess {
  token: string;
  session: { id: string; expiresAt: string };
  account?: { id: string };
}
/** Every method a second step or a step-up may offer. */
export type VerifyMethod = 'totp' | 'webauthn' | 'sms' | 'email' | 'hardware_token' | 'recovery_code';
export interface SecondStepRequired {
  status: 'verification_required';
  ticket: string;
  reason: 'login_protection' | 'remote_login_protection' | string;
  methods: VerifyMethod[];
}
export type SignInResponse = SignInSuccess | SecondStepRequired;
/** Body of `.../verify`: exactly one of code or assertion. */
export interface VerifyProof { code?: string; assertion?: unknown }

/* ---------- captcha ---------- */
export interface CaptchaChallenge { version?: number; [key: string]: unknown }

/* ---------- the signed-in account ---------- */
export interface ProtectionSetting { enabled: boolean; methods?: VerifyMethod[] }
export interface SecuritySettings {
  loginProtection: ProtectionSetting;
  operationProtection: ProtectionSetting;
  remoteLoginProtection: { enabled: boolean };
}
/** GET /api/v1/me: contacts.phone and securityEmail are masked (e.g. "+86 138****8000"), null when unset. */
export type Me = Ok<'/api/v1/me'>;
export type MfaDevice = Me['mfa'][number];
export type MfaType = MfaDevice['type'];
export interface MfaOverview { devices: MfaDevice[]; recoveryCodesRemaining: number }
export type SecurityPatch = Partial<{
  loginProtection: ProtectionSetting;
  operationProtection: ProtectionSetting;
  remoteLoginProtection: { enabled: boolean };
}>;

export type SessionInfo = Ok<'/api/v1/me/sessions'>['sessions'][number];
export interface Location { country?: string | null; region?: string | null; city?: string | null }

/** GET /api/v1/me/logins; `reason` says why a failed or challenged sign-in ended as it did. */
export type LoginsPage = Ok<'/api/v1/me/logins'>;
export type LoginRecord = LoginsPage['logins'][number];
export type LoginRisk = LoginRecord['risk'];
export type RiskSignal = NonNullable<LoginRisk['signals']>[number];

export type MessagesPage = Ok<'/api/v1/me/messages'>;
export type InboxMessage = MessagesPage['messages'][number];

export type AuditPage = Ok<'/api/v1/me/audit'>;
export type AuditEvent = AuditPage['events'][number];
export interface AuditQuery {
  from?: string; to?: string; event?: string; sensitive?: boolean; cursor?: string;
}

/* ---------- step-up ---------- */
export interface StepUpChallenge { ticket: string; methods: VerifyMethod[] }
export interface VerificationResult { verificationToken: string; expiresAt: string }

/* ---------- MFA enrolment ---------- */
export interface TotpEnrolment { id: string; secret: string; otpauthUrl: string }
export interface RecoveryCodes { codes: string[] }

/* ---------- help and self-service ---------- */
export interface DiagnosisStep {
  id: string;
  status: 'ok' | 'problem' | 'info';
  title: string;
  detail: string;
}
export interface DiagnosisResponse { steps: DiagnosisStep[] }
export type IpLocationReportRequest = Body<'/api/v1/me/ip-location-reports'>;
export interface LookupResponse { accounts: { id: string; maskedEmail: string }[] }
/** Base64 without a data: prefix; JPEG, PNG or WebP (the server checks the bytes match). */
export type UploadedDocument = PhoneChangeRequest['documents'][number];
export type DocumentKind = UploadedDocument['kind'];
/** No sign-in needed; `account` is the account email or ID. */
export type PhoneChangeRequest = Body<'/api/v1/phone-change-requests'>;
/** Personal: name + idNumber; enterprise: company + applicant + business-licence image (data: URL or base64). */
export type MfaUnbindRequest = Body<'/api/v1/mfa-unbind-requests'>;
export interface TicketCreated { id: string; status: string }

/* ---------- operator console ---------- */
export interface Operator { id: string; email: string; name?: string | null; role: string }
export interface AdminAccount {
  id: string;
  email: string;
  phone: string | null;
  securityEmail?: string | null;
  status?: string;
  realNameStatus?: string | null;
  createdAt: string;
  lastSignInAt?: string | null;
  lock?: {
    /** Reason of an operator lock, null when none. */
    manual: string | null;
    lockedAt: string | null;
    passwordLockedUntil: string | null;
    recentFailures: number;
  };
  activeSessions?: number;
}
/** A review-queue item: shapes differ per queue, so the console shows fields generically. */
export interface ReviewItem {
  id: string;
  status: string;
  createdAt: string;
  [field: string]: unknown;
}
export interface DeliveryAttempt { attempt: number; at: string; provider: string | null; ok: boolean; reason: string | null; durationMs?: number | null }
export interface Delivery {
  id: string;
  accountId?: string | null;
  channel: string;
  to: string;
  template: string;
  status: string;
  attempts?: number;
  lastError?: string | null;
  provider?: string | null;
  createdAt: string;
  sentAt?: string | null;
  deliveryAttempts?: DeliveryAttempt[];
}
export interface ChainVerification {
  ok: boolean;
  entries: number;
  headSeq?: number;
  break?: { seq: number; reason: string };
}
