// Operator endpoints (`/api/v1/admin/...`). The review queues differ in their list key,
// decision verbs and statuses; REVIEW_QUEUES describes each so the pages stay generic.
import { del, get, post } from './client';
import type { AdminAccount, AuditEvent, ChainVerification, Delivery, Operator, ReviewItem } from './types';

export const getOperator = () => get<{ operator: Operator }>('/api/v1/admin/me');

export type AccountSearch = { id?: string; email?: string; phone?: string };
export const findAccounts = (q: AccountSearch) =>
  get<{ accounts: AdminAccount[] }>('/api/v1/admin/accounts', q);
export const lockAccount = (id: string, reason: string) =>
  post<void>(`/api/v1/admin/accounts/${encodeURIComponent(id)}/lock`, { reason });
export const unlockAccount = (id: string, reason: string) =>
  post<void>(`/api/v1/admin/accounts/${encodeURIComponent(id)}/unlock`, { reason });
export const forceSignOut = (id: string, reason: string) =>
  del(`/api/v1/admin/accounts/${encodeURIComponent(id)}/sessions`, { reason });

export type ReviewQueueId = 'phone-changes' | 'mfa-unbinding' | 'ip-location-reports';
export interface ReviewQueue {
  id: ReviewQueueId;
  /** Collection path; one item at `${path}/{id}`, decisions at `${path}/{id}/{verb}`. */
  path: string;
  /** Key of the array in the list response. */
  listKey: string;
  /** Fields shown as table columns; every other field appears in the details. */
  columns: string[];
  statuses: string[];
  approve: { verb: string; withReason: boolean };
  /** Whether `GET ${path}/{id}` returns attachments worth opening (documents, licence scan). */
  hasAttachments: boolean;
}
export const REVIEW_QUEUES: Record<ReviewQueueId, ReviewQueue> = {
  'phone-changes': {
    id: 'phone-changes',
    path: '/api/v1/admin/phone-change-requests',
    listKey: 'requests',
    columns: ['accountIdentifier', 'accountFound', 'newPhone', 'contactEmail'],
    statuses: ['pending', 'approved', 'rejected'],
    approve: { verb: 'approve', withReason: false },
    hasAttachments: true,
  },
  'mfa-unbinding': {
    id: 'mfa-unbinding',
    path: '/api/v1/admin/mfa-unbind-requests',
    listKey: 'requests',
    columns: ['accountEmail', 'accountFound', 'kind', 'check'],
    statuses: ['pending', 'approved', 'rejected', 'cancelled', 'completed'],
    approve: { verb: 'approve', withReason: false },
    hasAttachments: true,
  },
  'ip-location-reports': {
    id: 'ip-location-reports',
    path: '/api/v1/admin/ip-location-reports',
    listKey: 'reports',
    columns: ['ip', 'country', 'region', 'city'],
    statuses: ['pending', 'accepted', 'rejected'],
    approve: { verb: 'accept', withReason: true },
    hasAttachments: false,
  },
};

export async function listReviewItems(queue: ReviewQueue, status: string): Promise<ReviewItem[]> {
  const res = await get<Record<string, unknown>>(queue.path, { status: status === 'all' ? undefined : status });
  const items = res[queue.listKey];
  return Array.isArray(items) ? (items as ReviewItem[]) : [];
}
export const getReviewItem = (queue: ReviewQueue, id: string) =>
  get<Record<string, unknown>>(`${queue.path}/${encodeURIComponent(id)}`);
export function decideReviewItem(queue: ReviewQueue, id: string, decision: 'approve' | 'reject', reason: string) {
  const verb = decision === 'approve' ? queue.approve.verb : 'reject';
  const body = decision === 'reject' || queue.approve.withReason ? { reason } : {};
  return post<unknown>(`${queue.path}/${encodeURIComponent(id)}/${verb}`, body);
}

/** The delivery log (`GET /api/v1/admin/messages`): newest first, no paging cursor. */
export interface DeliveryQuery { to?: string; channel?: string; status?: string; limit?: number }
export const listDeliveries = (q: DeliveryQuery) =>
  get<{ messages: Delivery[] }>('/api/v1/admin/messages', { ...q });

export interface AdminAuditQuery { accountId?: string; event?: string; cursor?: string }
export const listAdminAudit = (q: AdminAuditQuery) =>
  get<{ events: AuditEvent[]; nextCursor: string | null }>('/api/v1/admin/audit', { ...q });
export const verifyAuditChain = () => get<ChainVerification>('/api/v1/admin/audit/verification');
