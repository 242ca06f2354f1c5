/**
 * Change of phone by documents (seed 001, "Method 2"), for people who lost the old number:
 *
 *   submit (no sign-in; new number proven by a bind_contact code; documents sealed)
 *     → pending ── operator approves → the account is rebound (within the per-number limit)
 *               └─ operator rejects with a reason
 *
 * Submitting answers 201 {id} whether or not the account exists, so the form cannot be used
 * to probe for accounts; the reviewer sees that no account matched and rejects. The account's
 * own contacts hear about every request (an unsolicited one is an attack in progress), and the
 * contact email given hears about each step as a ticket.
 */
import type { Db, Trx } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { toIso } from '../platform/clock.js';
import { AppError, validationFailed } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit, type AuditEntry } from '../platform/audit/audit.js';
import { newId, open, seal, type KeyRing } from '../platform/crypto.js';
import { consume } from '../platform/rate-limit/limiter.js';
import type { CodeService } from '../codes/service.js';
import type { Notifier, NotifyTarget } from '../notify/notifier.js';
import type { Locale } from '../notify/templates/index.js';
import { classifyIdentifier } from '../accounts/identifiers.js';
import { findAccountByEmail, findAccountById } from '../accounts/store.js';
import { noticeTargetOf } from '../accounts/notice-target.js';
import { maskPhone } from '../accounts/service.js';
import { PHONE_CHANGE_REQUEST_WINDOW_MS, PHONE_CHANGE_REQUESTS_PER_IP_PER_DAY, type DocumentKind } from './constants.js';
import { checkDocuments, type UploadedDocument } from './documents.js';
import type { ContactService } from './service.js';
import { emailOrFail, phoneOrFail } from './service.js';
import type { PhoneChangeRequestsTable } from './schema.js';
import { claimPhoneChangeRequest, findPhoneChangeRequest, insertPhoneChangeRequest, listPhoneChangeRequests } from './store.js';

export interface PhoneChangeSubmission {
  account: string;
  newPhone: string;
  code: string;
  contactEmail: string;
  note?: string | undefined;
  documents: UploadedDocument[];
}

interface DocumentMeta {
  kind: DocumentKind;
  contentType: string;
  size: number;
}

const aad = (id: string) => `phone-change-request:${id}`;

export class PhoneChangeRequests {
  constructor(
    private readonly d: { db: Db; clock: Clock; keyRing: KeyRing; codes: CodeService; notifier: Notifier; contacts: ContactService },
  ) {}

  async submit(input: PhoneChangeSubmission, ctx: RequestContext): Promise<{ id: string }> {
    const ident = classifyIdentifier(input.account);
    if (!ident || ident.kind === 'phone') throw validationFailed({ account: 'the account email or account ID' });
    const newPhone = phoneOrFail(input.newPhone, 'newPhone');
    const contactEmail = emailOrFail(input.contactEmail, 'contactEmail');
    const checked = checkDocuments(input.documents);
    if (!checked.ok) throw validationFailed(checked.fields);
    const now = this.d.clock.now();
    await consume(this.d.db, { name: 'phone-change-request-ip', max: PHONE_CHANGE_REQUESTS_PER_IP_PER_DAY, windowMs: PHONE_CHANGE_REQUEST_WINDOW_MS }, ctx.ip, now);
    if (!(await this.d.codes.verify('sms', newPhone, 'bind_contact', input.code))) throw new AppError('invalid_code', { fields: { code: 'wrong or expired code' } });
    const account = ident.kind === 'email' ? await findAccountByEmail(this.d.db, ident.value) : await findAccountById(this.d.db, ident.value);
    const id = newId();
    const meta: DocumentMeta[] = checked.documents.map((doc) => ({ kind: doc.kind, contentType: doc.contentType, size: doc.bytes.length }));
    const sealed = seal(this.d.keyRing, JSON.stringify(checked.documents.map((doc) => doc.bytes.toString('base64'))), aad(id));
    await this.d.db.transaction().execute(async (trx) => {
      await insertPhoneChangeRequest(trx, {
        id, account_id: account?.id ?? null, account_identifier: ident.value, new_phone: newPhone, contact_email: contactEmail, note: input.note ?? null,
        documents_meta: JSON.stringify(meta), documents_sealed: sealed, status: 'pending', reason: null, reviewed_by: null, reviewed_at: null,
        locale: ctx.language, ip: ctx.ip, created_at: now, updated_at: now,
      });
      await appendAudit(trx, now, {
        accountId: account?.id ?? null, actor: { type: 'anonymous', id: null }, event: 'phone_change_request.submitted', result: 'success',
        ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { requestId: id, newPhone: maskPhone(newPhone), documents: meta.length },
      });
      await this.tell(trx, { contact_email: contactEmail, locale: ctx.language }, account ? noticeTargetOf(account) : null, id, 'open', undefined, now);
    });
    return { id };
  }

  /** ticket_update to the contact email given, and to the account's own contacts. */
  private async tell(trx: Trx, req: Pick<PhoneChangeRequestsTable, 'contact_email' | 'locale'>, owner: NotifyTarget | null, id: string, status: string, comment: string | undefined, now: number): Promise<void> {
    const params = { ticketId: id, status, ...(comment ? { comment } : {}) };
    if (owner) await this.d.notifier.notice(trx, owner, 'ticket_update', params, now);
    if (!owner || owner.email !== req.contact_email) {
      await this.d.notifier.send(trx, 'email', req.contact_email, { accountId: null, locale: req.locale as Locale, email: req.contact_email, phone: null }, 'ticket_update', params, now);
    }
  }

  async list(status: string | undefined, limit: number, cursor?: string) {
    const before = cursor !== undefined && /^\d+$/.test(cursor) ? Number(cursor) : undefined;
    const rows = await listPhoneChangeRequests(this.d.db, status, limit + 1, before);
    const page = rows.slice(0, limit);
    return { requests: page.map((r) => view(r)), nextCursor: rows.length > limit ? String(page[page.length - 1]!.created_at) : null };
  }

  /** One request with its documents decrypted for the reviewer; the viewing is audited. */
  async get(operatorId: string, id: string, ctx: RequestContext) {
    const row = await this.mustFind(id);
    const images = JSON.parse(open(this.d.keyRing, row.documents_sealed, aad(row.id)).toString('utf8')) as string[];
    const meta = JSON.parse(row.documents_meta) as DocumentMeta[];
    await this.d.db.transaction().execute((trx) => this.audit(trx, operatorId, row.account_id, 'phone_change_request.viewed', { requestId: id }, ctx));
    return { request: view(row), documents: meta.map((m, i) => ({ ...m, data: images[i] ?? '' })) };
  }

  async approve(operatorId: string, id: string, ctx: RequestContext): Promise<void> {
    const row = await this.mustFind(id);
    if (row.status !== 'pending') throw new AppError('conflict', { reason: 'already_reviewed', status: row.status });
    if (!row.account_id) throw new AppError('conflict', { reason: 'no_account', hint: 'no account matched the identifier given; reject the request' });
    await this.d.db.transaction().execute(async (trx) => {
      const now = this.d.clock.now();
      if (!(await claimPhoneChangeRequest(trx, id, 'approved', operatorId, null, now))) throw new AppError('conflict', { reason: 'already_reviewed' });
      const account = await findAccountById(trx, row.account_id!);
      if (!account) throw new AppError('conflict', { reason: 'no_account' });
      if (account.phone !== row.new_phone) {
        await this.d.contacts.rebind(account, row.new_phone, ctx, { type: 'operator', id: operatorId }, { via: 'phone_change_request', requestId: id }, trx);
      }
      await this.audit(trx, operatorId, account.id, 'phone_change_request.approved', { requestId: id, newPhone: maskPhone(row.new_phone) }, ctx);
      await this.tell(trx, row, noticeTargetOf({ ...account, phone: row.new_phone }), id, 'resolved', 'approved: the new mobile number is now bound to the account', now);
    });
  }

  async reject(operatorId: string, id: string, reason: string, ctx: RequestContext): Promise<void> {
    const row = await this.mustFind(id);
    await this.d.db.transaction().execute(async (trx) => {
      const now = this.d.clock.now();
      if (!(await claimPhoneChangeRequest(trx, id, 'rejected', operatorId, reason, now))) throw new AppError('conflict', { reason: 'already_reviewed', status: row.status });
      const account = row.account_id ? await findAccountById(trx, row.account_id) : undefined;
      await this.audit(trx, operatorId, row.account_id, 'phone_change_request.rejected', { requestId: id, reason }, ctx);
      await this.tell(trx, row, account ? noticeTargetOf(account) : null, id, 'closed', `rejected: ${reason}`, now);
    });
  }

  private async mustFind(id: string): Promise<PhoneChangeRequestsTable> {
    const row = await findPhoneChangeRequest(this.d.db, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  private audit(trx: Trx, operatorId: string, accountId: string | null, event: AuditEntry['event'], details: Record<string, unknown>, ctx: RequestContext) {
    return appendAudit(trx, this.d.clock.now(), {
      accountId, actor: { type: 'operator', id: operatorId }, event, result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details,
    });
  }
}

/** What a reviewer sees in a list: everything but the documents themselves. */
function view(r: Omit<PhoneChangeRequestsTable, 'documents_sealed'>) {
  return {
    id: r.id,
    status: r.status,
    accountId: r.account_id,
    accountFound: r.account_id !== null,
    accountIdentifier: r.account_identifier,
    newPhone: r.new_phone,
    contactEmail: r.contact_email,
    note: r.note,
    documents: JSON.parse(r.documents_meta) as DocumentMeta[],
    reason: r.reason,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at === null ? null : toIso(Number(r.reviewed_at)),
    createdAt: toIso(Number(r.created_at)),
  };
}
