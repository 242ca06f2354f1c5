import type { Translate } from '../../i18n';
import type { MessageKey } from '../../i18n/en';

const FIELDS: Record<string, MessageKey> = {
  accountId: 'admin.field.accountId',
  accountEmail: 'admin.field.accountEmail',
  accountIdentifier: 'admin.field.accountIdentifier',
  accountFound: 'admin.field.accountFound',
  newPhone: 'admin.field.newPhone',
  applicantName: 'lostMfa.applicantName',
  applicantIdNumber: 'lostMfa.applicantIdNumber',
  name: 'admin.field.name',
  idNumber: 'admin.field.idNumber',
  kind: 'lostMfa.kind',
  phone: 'admin.field.phone',
  companyName: 'lostMfa.companyName',
  companyId: 'lostMfa.companyId',
  contactEmail: 'phoneDocs.contactEmail',
  note: 'ticket.note',
  ip: 'common.ip',
  country: 'ipReport.country',
  region: 'ipReport.region',
  city: 'ipReport.city',
  reason: 'admin.reason',
  rejectReason: 'admin.reason',
  decisionReason: 'admin.reason',
  check: 'admin.field.check',
  applicant: 'admin.field.applicant',
  locatedAs: 'admin.field.locatedAs',
  reviewedAt: 'admin.field.reviewedAt',
  decidedAt: 'admin.field.reviewedAt',
  reviewedBy: 'admin.field.reviewedBy',
  decidedBy: 'admin.field.reviewedBy',
  effectiveAt: 'admin.field.effectiveAt',
  documents: 'admin.documents',
  businessLicence: 'lostMfa.businessLicence',
};

const STATUSES: Record<string, MessageKey> = {
  pending: 'admin.status.pending',
  approved: 'admin.status.approved',
  accepted: 'admin.status.accepted',
  rejected: 'admin.status.rejected',
  cancelled: 'admin.status.cancelled',
  completed: 'admin.status.completed',
};

/** A localised label for a review item's field, or the field name itself. */
export function fieldLabel(name: string, t: Translate): string {
  const key = FIELDS[name];
  return key ? t(key) : name;
}

export function statusLabel(status: string, t: Translate): string {
  const key = STATUSES[status];
  return key ? t(key) : status;
}

/** A readable value: yes/no, the real-name comparison, locations, lists of documents. */
export function fieldValue(name: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (name === 'kind' && (value === 'personal' || value === 'enterprise')) return t(value === 'personal' ? 'lostMfa.personal' : 'lostMfa.enterprise');
  if (name === 'check' && typeof value === 'object') {
    const c = value as { status?: string; fields?: string[] };
    if (c.status === 'match') return t('admin.check.match');
    if (c.status === 'no_record') return t('admin.check.noRecord');
    if (c.status === 'mismatch') return t('admin.check.mismatch', { fields: (c.fields ?? []).map((f) => fieldLabel(f, t)).join(', ') });
  }
  if (Array.isArray(value)) {
    return value.map((v) => (v && typeof v === 'object' ? Object.values(v as object).filter((x) => typeof x === 'string').join(' ') : String(v))).join('; ');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${fieldLabel(k, t)}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' · ');
  }
  return String(value);
}
