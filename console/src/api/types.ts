// Request and response shapes of the Gatehouse HTTP API, written by hand from
// shared/docs/api-contract.md (and, where the contract leaves a gap, from the
// design listed in console/README.md).
//
// When the server publishes /api/openapi.json, generate `schema.d.ts` with
//   npx openapi-typescript http://127.0.0.1:8080/api/openapi.json -o console/src/api/schema.d.ts
// and replace the bodies below with aliases such as
//   export type Me = components['schemas']['Me'];
// Every other file imports its types from here, so that swap touches only this file.

/* ---------- errors ---------- */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/* ---------- verification codes ---------- */
export type CodeChannel = 'email' | 'sms';
export type CodePurpose = 'register' | 'login' | 'reset_password' | 'bind_contact' | 'verify';
export interface SendCodeRequest { channel: CodeChannel; to: string; purpose: CodePurpose }
export interface SendCodeResponse { expiresIn: number; resendAfter: number }

/* ---------- registration ---------- */
export interface RegisterRequest { email: string; password: string; code: string }
export interface RegisterResponse { account: { id: string; email: string } }

/* ---------- sign-in (customer and operator share the shapes) ---------- */
export interface PasswordSignInRequest { identifier: string; password: string; captcha?: string }
export interface CodeSignInRequest { identifier: string; code: string; captcha?: string }
export interface AdminSignInRequest { email: string; password: string; captcha?: string }
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
export type MfaType = 'totp' | 'webauthn' | 'hardware_token';
export interface MfaDevice { id: string; type: MfaType; name: string; createdAt: string }
export interface Me {
  account: {
    id: string;
    email: string;
    locale?: string;
    createdAt?: string;
    /** Shown only when the server sends it (e.g. "unverified"); never invented by the console. */
    realNameStatus?: string | null;
    /** Root account or sub-user (sub-users come with a later issue). */
    type?: 'root' | 'sub';
    passwordChangedAt?: string | null;
    lastSignInAt?: string | null;
  };
  contacts: {
    email?: string;
    /** Masked, e.g. "+86 138****8000"; null when unbound. */
    phone: string | null;
    /** Masked; null when unset. */
    securityEmail: string | null;
  };
  security: SecuritySettings;
  mfa: MfaDevice[];
}
export interface MfaOverview { devices: MfaDevice[]; recoveryCodesRemaining: number }
export type SecurityPatch = Partial<{
  loginProtection: ProtectionSetting;
  operationProtection: ProtectionSetting;
  remoteLoginProtection: { enabled: boolean };
}>;

export interface SessionInfo {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string;
  location: string | Location | null;
  userAgent: string;
}
export interface Location { country?: string | null; region?: string | null; city?: string | null }

export interface RiskSignal { rule: string; details?: Record<string, unknown> }
export interface LoginRisk {
  unusualLocation?: boolean;
  longInterval?: boolean;
  newDevice?: boolean;
  impossibleTravel?: boolean;
  signals?: RiskSignal[];
  [flag: string]: unknown;
}
export interface LoginRecord {
  id?: string;
  at: string;
  ip: string;
  location: Location | null;
  result: string;
  /** Why a failed or challenged sign-in ended as it did, e.g. "invalid_password". */
  reason?: string | null;
  method?: string;
  userAgent?: string | null;
  risk: LoginRisk | null;
}

export interface InboxMessage {
  id: string;
  template: string;
  subject: string;
  text: string;
  createdAt: string;
  readAt: string | null;
}

export interface AuditEvent {
  id: string;
  at: string;
  event: string;
  actor: string | { type?: string; id?: string | null; email?: string };
  userAgent?: string | null;
  ip: string | null;
  location: string | Location | null;
  result: string;
  sensitive: boolean;
  details: Record<string, unknown> | null;
  accountId?: string | null;
}
export interface AuditPage { events: AuditEvent[]; nextCursor: string | null }
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
export interface IpLocationReportRequest {
  ip: string; country: string; region: string; city: string; note?: string;
}
export interface LookupResponse { accounts: { id: string; maskedEmail: string }[] }
export type DocumentKind =
  'id_front' | 'id_back' | 'holding_id' | 'driver_license' | 'business_license' | 'legal_rep_id' | 'other';
/** Base64 without a data: prefix; JPEG, PNG or WebP. */
export interface UploadedDocument { kind: DocumentKind; contentType: string; data: string }
/** No sign-in needed; `account` is the account email or ID. */
export interface PhoneChangeRequest {
  account: string;
  newPhone: string;
  code: string;
  contactEmail: string;
  note?: string;
  documents: UploadedDocument[];
}
/** Personal: name + idNumber; enterprise: company + applicant + business-licence image. */
export interface MfaUnbindRequest {
  kind: 'personal' | 'enterprise';
  accountEmail: string;
  phone: string;
  name?: string;
  idNumber?: string;
  companyName?: string;
  companyId?: string;
  applicantName?: string;
  applicantIdNumber?: string;
  /** data: URL or base64 of a PNG/JPEG/WebP image. */
  businessLicence?: string;
}
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
