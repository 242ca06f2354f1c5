// Endpoints a visitor uses before (or without) signing in.
import { del, get, post } from './client';
import type {
  AdminSignInRequest, CodeSignInRequest, DiagnosisResponse, LookupResponse,
  MfaUnbindRequest, PasswordSignInRequest, PhoneChangeRequest, RegisterRequest, RegisterResponse,
  SendCodeRequest, SendCodeResponse, SignInResponse, SignInSuccess, TicketCreated,
  VerificationResult, VerifyMethod, VerifyProof, CodeChannel,
} from './types';

export const sendCode = (body: SendCodeRequest) =>
  post<SendCodeResponse>('/api/v1/verification-codes', body);

export const register = (body: RegisterRequest) =>
  post<RegisterResponse>('/api/v1/accounts', body);

export const CAPTCHA_URL = '/api/v1/captcha';

/**
 * Sign-in endpoints for customers (`/api/v1/sessions`) and operators
 * (`/api/v1/admin/sessions`) share one shape; `base` picks which.
 */
export type SignInBody = PasswordSignInRequest | CodeSignInRequest | AdminSignInRequest;
export interface SignInApi {
  base: string;
  signIn(body: SignInBody): Promise<SignInResponse>;
  sendSecondStepCode(ticket: string, method: VerifyMethod): Promise<void>;
  webauthnOptions(ticket: string): Promise<unknown>;
  verify(ticket: string, method: VerifyMethod, proof: VerifyProof): Promise<SignInSuccess>;
}

export function signInApi(base: string): SignInApi {
  return {
    base,
    signIn: (body) => post<SignInResponse>(base, body, { stepUp: false }),
    sendSecondStepCode: (ticket, method) => post<void>(`${base}/verify/send`, { ticket, method }),
    webauthnOptions: (ticket) => post<unknown>(`${base}/verify/options`, { ticket, method: 'webauthn' }),
    verify: (ticket, method, proof) => post<SignInSuccess>(`${base}/verify`, { ticket, method, ...proof }),
  };
}

export const customerSignIn = signInApi('/api/v1/sessions');
export const operatorSignIn = signInApi('/api/v1/admin/sessions');

export const resetPassword = (body: { identifier: string; code: string; newPassword: string }) =>
  post<void>('/api/v1/password-resets', body);

/* step-up verification of a protected operation */
export const sendStepUpCode = (ticket: string, method: VerifyMethod) =>
  post<void>(`/api/v1/verifications/${encodeURIComponent(ticket)}/send`, { method }, { stepUp: false });
/** For method `webauthn` the send endpoint answers 200 with the request options. */
export const stepUpWebauthnOptions = (ticket: string) =>
  post<unknown>(`/api/v1/verifications/${encodeURIComponent(ticket)}/send`, { method: 'webauthn' }, { stepUp: false });
export const completeStepUp = (ticket: string, method: VerifyMethod, proof: VerifyProof) =>
  post<VerificationResult>(`/api/v1/verifications/${encodeURIComponent(ticket)}`, { method, ...proof }, { stepUp: false });

/* self-service help */
export const diagnoseDelivery = (body: { channel: CodeChannel; to: string }) =>
  post<DiagnosisResponse>('/api/v1/delivery-diagnosis', body);
export const lookupAccountsByPhone = (body: { phone: string; code: string }) =>
  post<LookupResponse>('/api/v1/account-lookup', body);
export const createMfaUnbindRequest = (body: MfaUnbindRequest) =>
  post<TicketCreated>('/api/v1/mfa-unbind-requests', body);
export const createPhoneChangeRequest = (body: PhoneChangeRequest) =>
  post<{ id: string }>('/api/v1/phone-change-requests', body);

/** "This wasn't me" from a security notice: signs out everywhere, locks password sign-in until a reset. */
export const reportNotMe = (token: string) => post<void>('/api/v1/not-me', { token });

/* operator session helpers */
export const operatorSignOut = () => del('/api/v1/admin/sessions/current');
export const fetchCaptcha = () => get<unknown>(CAPTCHA_URL);
