// Endpoints of the signed-in account (`/api/v1/me...`).
import { del, get, patch, post, put } from './client';
import type {
  AuditPage, AuditQuery, InboxMessage, IpLocationReportRequest, LoginRecord, Me, MfaDevice,
  MfaOverview, RecoveryCodes, SecurityPatch, SessionInfo, TotpEnrolment,
} from './types';

export const getMe = () => get<Me>('/api/v1/me');

export const listSessions = () => get<{ sessions: SessionInfo[] }>('/api/v1/me/sessions');
export const revokeSession = (id: string) => del(`/api/v1/me/sessions/${encodeURIComponent(id)}`);
export const revokeAllSessions = () => del('/api/v1/me/sessions');

/** Signs out of this browser only: revokes the session the list marks as current. */
export async function signOutHere(): Promise<void> {
  const { sessions } = await listSessions();
  const current = sessions.find((s) => s.current);
  if (current) await revokeSession(current.id);
}

export const listLogins = (cursor?: string) =>
  get<{ logins: LoginRecord[]; nextCursor?: string | null }>('/api/v1/me/logins', { cursor });

export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  put<void>('/api/v1/me/password', body);
export const changePhone = (body: { phone: string; code: string }) => put<void>('/api/v1/me/phone', body);
export const changeAccountEmail = (body: { email: string; code: string }) => put<void>('/api/v1/me/email', body);
export const changeSecurityEmail = (body: { email: string; code: string }) =>
  put<void>('/api/v1/me/security-email', body);

export const updateSecurity = (body: SecurityPatch) => patch<void>('/api/v1/me/security', body);

export const startTotp = (name: string) => post<TotpEnrolment>('/api/v1/me/mfa/totp', { name });
export const activateTotp = (id: string, code: string) =>
  post<void>(`/api/v1/me/mfa/totp/${encodeURIComponent(id)}/activate`, { code });
export const webauthnRegistrationOptions = () => post<unknown>('/api/v1/me/mfa/webauthn/options', {});
export const registerWebauthn = (body: { name: string; response: unknown }) =>
  post<MfaDevice>('/api/v1/me/mfa/webauthn', body);
export const bindHardwareToken = (body: { serial: string; code: string; name?: string }) =>
  post<MfaDevice>('/api/v1/me/mfa/hardware-token', body);
export const getMfa = () => get<MfaOverview>('/api/v1/me/mfa');
export const removeMfaDevice = (id: string) => del(`/api/v1/me/mfa/${encodeURIComponent(id)}`);
export const cancelMfaUnbindRequest = (id: string) =>
  post<void>(`/api/v1/me/mfa-unbind-requests/${encodeURIComponent(id)}/cancel`, {});
export const generateRecoveryCodes = () => post<RecoveryCodes>('/api/v1/me/mfa/recovery-codes', {});

export const listMessages = (limit?: number) =>
  get<{ messages: InboxMessage[]; unread?: number; nextCursor?: string | null }>('/api/v1/me/messages', { limit });
export const markMessageRead = (id: string) =>
  post<void>(`/api/v1/me/messages/${encodeURIComponent(id)}/read`, {});

export const listAudit = (q: AuditQuery) =>
  get<AuditPage>('/api/v1/me/audit', {
    from: q.from, to: q.to, event: q.event, cursor: q.cursor,
    sensitive: q.sensitive === undefined ? undefined : String(q.sensitive),
  });

export const reportIpLocation = (body: IpLocationReportRequest) =>
  post<{ report: { id: string; status: string } }>('/api/v1/me/ip-location-reports', body);
