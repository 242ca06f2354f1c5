/**
 * The seed's "If I bound MFA but lost my mobile phone" ticket, personal or enterprise:
 *
 *   submitted (no sign-in; same answer whether or not the email has an account)
 *     → pending ──reject──→ rejected
 *         │ approve (operator; details compared with the real-name record, mismatches shown)
 *         ▼
 *       approved, cooling-off (every bound channel told; the owner may cancel) ──cancel──→ cancelled
 *         │ processDue(now) once effective_at has passed
 *         ▼
 *       completed: every MFA device and recovery code removed, `mfa_unbound` sent
 *
 * ID numbers, names, phone and the business-licence scan are sealed at rest as one blob.
 */
import type { Db, Trx } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { DAY_MS, toIso } from '../../platform/clock.js';
import { newId, open, seal, type KeyRing } from '../../platform/crypto.js';
import { AppError, validationFailed } from '../../platform/http/errors.js';
import type { RequestContext } from '../../platform/http/context.js';
import { appendAudit, type AuditEntry } from '../../platform/audit/audit.js';
import { consume } from '../../platform/rate-limit/limiter.js';
import { normaliseEmail, normalisePhone } from '../../accounts/identifiers.js';
import { findAccountByEmail, findAccountById, type AccountRow } from '../../accounts/store.js';
import { noticeTargetOf } from '../../accounts/notice-target.js';
import type { Notifier } from '../../notify/notifier.js';
import { formatNoticeTime } from '../../notify/format.js';
import type { Locale } from '../../notify/templates/index.js';
import { LICENCE_IMAGE_MAX_BYTES } from '../constants.js';
import { deleteAllDevices } from '../store.js';
import type { RealNameMatcher, UnbindApplicant } from './realname-matcher.js';
import { dueUnbindRequests, findUnbindRequest, insertUnbindRequest, listUnbindRequests, transition, unbindRequestsOfAccount, type UnbindRow } from './store.js';

export { noRealNameRecords, type RealNameMatcher } from './realname-matcher.js';

/** Per client IP and per account email; a ticket is rare, and each one notifies the owner. */
const SUBMIT_PER_IP = { name: 'mfa-unbind-ip', max: 5, windowMs: DAY_MS };
const SUBMIT_PER_EMAIL = { name: 'mfa-unbind-email', max: 3, windowMs: DAY_MS };

export interface UnbindInput {
  kind: 'personal' | 'enterprise';
  accountEmail: string;
  phone: string;
  /** Personal. */
  name?: string;
  idNumber?: string;
  /** Enterprise. */
  companyName?: string;
  companyId?: string;
  applicantName?: string;
  applicantIdNumber?: string;
  /** Base64 (optionally a data: URL) PNG, JPEG or WebP scan of the business licence. */
  businessLicence?: string;
}

interface SealedApplicant extends UnbindApplicant {
  licence?: { mime: string; base64: string };
}

const aad = (id: string) => `mfa_unbind_requests:${id}`;

function licenceImage(raw: string): { mime: string; base64: string } {
  const base64 = raw.replace(/^data:image\/[a-z]+;base64,/i, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw validationFailed({ businessLicence: 'must be base64' });
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > LICENCE_IMAGE_MAX_BYTES) throw validationFailed({ businessLicence: `must be at most ${LICENCE_IMAGE_MAX_BYTES} bytes` });
  const mime = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? 'image/png'
    : bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff ? 'image/jpeg'
    : bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP' ? 'image/webp'
    : null;
  if (!mime) throw validationFailed({ businessLicence: 'must be a PNG, JPEG or WebP image' });
  return { mime, base64: bytes.toString('base64') };
}

function applicantOf(input: UnbindInput, phone: string): SealedApplicant {
  const missing: Record<string, string> = {};
  const need = (field: keyof UnbindInput) => {
    const v = input[field];
    if (typeof v !== 'string' || v.trim() === '') missing[field] = 'required';
    return typeof v === 'string' ? v.trim() : '';
  };
  if (input.kind === 'personal') {
    const a = { kind: 'personal' as const, name: need('name'), idNumber: need('idNumber'), phone };
    if (Object.keys(missing).length) throw validationFailed(missing);
    return a;
  }
  const a: SealedApplicant = {
    kind: 'enterprise', companyName: need('companyName'), companyId: need('companyId'), name: need('applicantName'), idNumber: need('applicantIdNumber'), phone,
  };
  const licence = need('businessLicence');
  if (Object.keys(missing).length) throw validationFailed(missing);
  a.licence = licenceImage(licence);
  return a;
}

export class MfaUnbindService {
  constructor(private readonly d: { db: Db; clock: Clock; keyRing: KeyRing; notifier: Notifier; realName: RealNameMatcher; coolingOffMs: number }) {}

  private audit(trx: Trx, accountId: string | null, actor: AuditEntry['actor'], event: AuditEntry['event'], details: Record<string, unknown>, ctx: RequestContext | null) {
    return appendAudit(trx, this.d.clock.now(), { accountId, actor, event, result: 'success', ip: ctx?.ip ?? null, userAgent: ctx?.userAgent ?? null, location: ctx?.location ?? null, details });
  }

  private tell(trx: Trx, account: AccountRow, id: string, status: string, comment: string) {
    return this.d.notifier.notice(trx, noticeTargetOf(account), 'ticket_update', { ticketId: id, status, comment }, this.d.clock.now());
  }

  async submit(input: UnbindInput, ctx: RequestContext): Promise<{ id: string; status: 'pending' }> {
    const email = normaliseEmail(input.accountEmail);
    if (!email) throw validationFailed({ accountEmail: 'not a valid email address' });
    const phone = normalisePhone(input.phone);
    if (!phone) throw validationFailed({ phone: 'not a valid phone number (E.164, e.g. +8613800138000)' });
    const applicant = applicantOf(input, phone);
    const now = this.d.clock.now();
    await consume(this.d.db, SUBMIT_PER_IP, ctx.ip, now);
    await consume(this.d.db, SUBMIT_PER_EMAIL, email, now);
    const account = await findAccountByEmail(this.d.db, email);
    const id = newId();
    const realName = account ? await this.d.realName.match(account.id, applicant) : { status: 'no_record' as const };
    const check = { realName, boundPhoneMatches: account?.phone ? account.phone === phone : null };
    await this.d.db.transaction().execute(async (trx) => {
      await insertUnbindRequest(trx, {
        id, account_id: account?.id ?? null, kind: input.kind, account_email: email,
        applicant_sealed: seal(this.d.keyRing, JSON.stringify(applicant), aad(id)), realname_check: JSON.stringify(check),
        status: 'pending', reject_reason: null, reviewed_by: null, reviewed_at: null, effective_at: null, cancelled_at: null, completed_at: null,
        ip: ctx.ip, created_at: now,
      });
      await this.audit(trx, account?.id ?? null, { type: 'anonymous', id: null }, 'mfa_unbind.requested', { requestId: id, kind: input.kind }, ctx);
      if (account) await this.tell(trx, account, id, 'open', 'A request to remove two-step verification (MFA) from your account was filed. If it was not you, cancel it in the console.');
    });
    return { id, status: 'pending' };
  }

  async list(status: UnbindRow['status'] | undefined, limit: number) {
    return { requests: (await listUnbindRequests(this.d.db, status, limit)).map((r) => this.view(r, false)) };
  }

  async get(id: string) {
    const row = await findUnbindRequest(this.d.db, id);
    if (!row) throw new AppError('not_found');
    return this.view(row, true);
  }

  /** The reviewer's view: the applicant's details, the real-name comparison, the licence on request. */
  private view(r: UnbindRow, withImage: boolean) {
    const a = JSON.parse(open(this.d.keyRing, r.applicant_sealed, aad(r.id)).toString('utf8')) as SealedApplicant;
    const { licence, ...applicant } = a;
    return {
      id: r.id, kind: r.kind, status: r.status, accountEmail: r.account_email, accountId: r.account_id, accountFound: r.account_id !== null,
      applicant, check: JSON.parse(r.realname_check) as unknown,
      businessLicence: licence ? (withImage ? `data:${licence.mime};base64,${licence.base64}` : { mime: licence.mime, present: true }) : null,
      createdAt: toIso(Number(r.created_at)), reviewedAt: r.reviewed_at ? toIso(Number(r.reviewed_at)) : null, reviewedBy: r.reviewed_by,
      rejectReason: r.reject_reason, effectiveAt: r.effective_at ? toIso(Number(r.effective_at)) : null,
    };
  }

  async approve(operatorId: string, id: string, ctx: RequestContext) {
    const row = await findUnbindRequest(this.d.db, id);
    if (!row) throw new AppError('not_found');
    const account = row.account_id ? await findAccountById(this.d.db, row.account_id) : undefined;
    if (!account) throw new AppError('conflict', { reason: 'no_account_for_email' });
    const now = this.d.clock.now();
    const effectiveAt = now + this.d.coolingOffMs;
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await transition(trx, id, ['pending'], { status: 'approved', reviewed_by: operatorId, reviewed_at: now, effective_at: effectiveAt }))) throw new AppError('conflict', { status: row.status });
      await this.audit(trx, account.id, { type: 'operator', id: operatorId }, 'mfa_unbind.approved', { requestId: id, effectiveAt: toIso(effectiveAt) }, ctx);
      await this.tell(trx, account, id, 'in_progress', `Approved: two-step verification will be removed at ${formatNoticeTime(effectiveAt, account.locale as Locale)} unless you cancel the request in the console before then.`);
    });
    return this.get(id);
  }

  async reject(operatorId: string, id: string, reason: string, ctx: RequestContext) {
    const row = await findUnbindRequest(this.d.db, id);
    if (!row) throw new AppError('not_found');
    const account = row.account_id ? await findAccountById(this.d.db, row.account_id) : undefined;
    const now = this.d.clock.now();
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await transition(trx, id, ['pending'], { status: 'rejected', reviewed_by: operatorId, reviewed_at: now, reject_reason: reason }))) throw new AppError('conflict', { status: row.status });
      await this.audit(trx, row.account_id, { type: 'operator', id: operatorId }, 'mfa_unbind.rejected', { requestId: id, reason }, ctx);
      if (account) await this.tell(trx, account, id, 'closed', `Rejected: ${reason}`);
    });
    return this.get(id);
  }

  /** What the owner sees of tickets filed on their account: status and dates, none of the applicant's details. */
  async ofAccount(accountId: string) {
    return {
      requests: (await unbindRequestsOfAccount(this.d.db, accountId)).map((r) => ({
        id: r.id, kind: r.kind, status: r.status, createdAt: toIso(Number(r.created_at)),
        effectiveAt: r.effective_at ? toIso(Number(r.effective_at)) : null, cancellable: r.status === 'pending' || r.status === 'approved',
      })),
    };
  }

  /** The owner stops a request (during review or the cooling-off period). */
  async cancel(accountId: string, id: string, ctx: RequestContext): Promise<void> {
    const row = await findUnbindRequest(this.d.db, id);
    const account = await findAccountById(this.d.db, accountId);
    if (!row || !account || row.account_id !== accountId) throw new AppError('not_found');
    const now = this.d.clock.now();
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await transition(trx, id, ['pending', 'approved'], { status: 'cancelled', cancelled_at: now }))) throw new AppError('conflict', { status: row.status });
      await this.audit(trx, accountId, { type: 'account', id: accountId }, 'mfa_unbind.cancelled', { requestId: id }, ctx);
      await this.tell(trx, account, id, 'closed', 'Cancelled by the account owner; your two-step verification devices stay bound.');
    });
  }

  /** Completes every approved request whose cooling-off has ended; run by a timer. */
  async processDue(now: number): Promise<number> {
    let done = 0;
    for (const row of await dueUnbindRequests(this.d.db, now)) {
      const account = row.account_id ? await findAccountById(this.d.db, row.account_id) : undefined;
      const completed = await this.d.db.transaction().execute(async (trx) => {
        if (!(await transition(trx, row.id, ['approved'], { status: 'completed', completed_at: now }))) return false;
        const removed = account ? await deleteAllDevices(trx, account.id) : 0;
        await this.audit(trx, row.account_id, { type: 'system', id: null }, 'mfa_unbind.completed', { requestId: row.id, devicesRemoved: removed }, null);
        if (account) {
          await this.d.notifier.notice(trx, noticeTargetOf(account), 'mfa_unbound', { time: formatNoticeTime(now, account.locale as Locale), detail: 'support ticket ' + row.id }, now);
        }
        return true;
      });
      if (completed) done++;
    }
    return done;
  }
}
