/**
 * IP-location corrections (the seed: "if you confirm a false alarm, you can report the IP
 * address … for correction"). A signed-in user reports what they believe an address's
 * location is; an operator accepts (choosing the single address or a covering prefix, and an
 * optional expiry) or rejects. An accepted report becomes an override row that the geo
 * locator applies before the shipped databases.
 *
 * Propagation: the instance that accepts reloads its overrides at once; every instance also
 * reloads every GATEHOUSE_GEO_OVERRIDE_RELOAD_SECONDS (default 60), so another instance
 * applies a correction within that bound. Expired overrides stop matching at their expiry
 * on every instance regardless (the locator checks `expiresAt` per lookup).
 */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { DAY_MS, toIso } from '../platform/clock.js';
import { newId } from '../platform/crypto.js';
import type { RequestContext } from '../platform/http/context.js';
import { AppError, validationFailed } from '../platform/http/errors.js';
import { appendAudit } from '../platform/audit/audit.js';
import { consume } from '../platform/rate-limit/limiter.js';
import { parseIp, type GeoLocator, type IpLocationOverride } from '../geo/index.js';
import { countryCodeOf } from './country.js';
import { checkPrefix } from './prefix.js';
import type { IpLocationOverridesTable, IpLocationReportsTable } from './schema.js';
import { decideReport, findReport, insertOverride, insertReport, listReports, liveOverrides, reportsOf, revokeOverride } from './store.js';

/** A user reports their own addresses: a handful a day is plenty, more is someone spamming reviewers. */
const REPORTS_PER_ACCOUNT_PER_DAY = 10;

export interface ReportInput {
  ip: string;
  country: string;
  region?: string;
  city?: string;
  note?: string;
}

export function reportView(r: IpLocationReportsTable) {
  return {
    id: r.id,
    accountId: r.account_id,
    ip: r.ip,
    country: r.country,
    region: r.region,
    city: r.city,
    note: r.note,
    locatedAs: JSON.parse(r.located_as) as unknown,
    status: r.status,
    createdAt: toIso(Number(r.created_at)),
    decidedAt: r.decided_at === null ? null : toIso(Number(r.decided_at)),
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
    overrideId: r.override_id,
  };
}

function toOverride(o: IpLocationOverridesTable): IpLocationOverride {
  const code = countryCodeOf(o.country);
  return {
    id: o.id,
    cidr: o.cidr,
    // With a known code the locator spells the country as the databases do (city keys match).
    location: { country: code ? null : o.country, countryCode: code, region: o.region, city: o.city },
    expiresAt: o.expires_at === null ? null : Number(o.expires_at),
  };
}

export class GeoReportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly geo: GeoLocator,
  ) {}

  /** Loads the overrides in force into the locator; returns how many were applied. */
  async reloadOverrides(): Promise<number> {
    const rows = await liveOverrides(this.db, this.clock.now());
    return this.geo.setOverrides(rows.map(toOverride)).accepted;
  }

  async report(accountId: string, input: ReportInput, ctx: RequestContext) {
    const ip = parseIp(input.ip.trim());
    if (!ip) throw validationFailed({ ip: 'must be an IPv4 or IPv6 address' });
    if (!countryCodeOf(input.country)) throw validationFailed({ country: 'must be a country name or ISO 3166-1 alpha-2 code' });
    const now = this.clock.now();
    await consume(this.db, { name: 'ip-location-report', max: REPORTS_PER_ACCOUNT_PER_DAY, windowMs: DAY_MS }, accountId, now);
    const row: IpLocationReportsTable = {
      id: newId(),
      account_id: accountId,
      ip: ip.text,
      country: input.country.trim(),
      region: input.region?.trim() || null,
      city: input.city?.trim() || null,
      note: input.note?.trim() || null,
      located_as: JSON.stringify(this.geo.lookup(ip.text)),
      status: 'pending',
      created_at: now,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
      override_id: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await insertReport(trx, row);
      await appendAudit(trx, now, { accountId, actor: { type: 'account', id: accountId }, event: 'ip_location.reported', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { reportId: row.id, ip: row.ip, country: row.country, region: row.region, city: row.city } });
    });
    return reportView(row);
  }

  /** The caller's own reports, newest first (what the console shows after "report a wrong location"). */
  async mine(accountId: string, limit: number) {
    return (await reportsOf(this.db, accountId, limit)).map((r) => {
      const { accountId: _a, decidedBy: _b, ...own } = reportView(r);
      return own;
    });
  }

  /** Overrides in force, for operators. */
  async overrides() {
    return (await liveOverrides(this.db, this.clock.now())).map((o) => ({
      id: o.id, cidr: o.cidr, country: o.country, region: o.region, city: o.city, reportId: o.report_id, createdBy: o.created_by, reason: o.reason,
      createdAt: toIso(Number(o.created_at)), expiresAt: o.expires_at === null ? null : toIso(Number(o.expires_at)),
    }));
  }

  async revoke(operatorId: string, id: string, reason: string, ctx: RequestContext): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const o = await revokeOverride(trx, id, now);
      if (!o) throw new AppError('not_found');
      await appendAudit(trx, now, { accountId: null, actor: { type: 'operator', id: operatorId }, event: 'ip_location.override_revoked', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { overrideId: id, cidr: o.cidr, reason } });
    });
    await this.reloadOverrides();
  }

  async list(status: IpLocationReportsTable['status'] | undefined, limit: number) {
    return (await listReports(this.db, status, limit)).map(reportView);
  }

  async accept(operatorId: string, id: string, input: { prefix?: string; expiresAt?: string; reason: string }, ctx: RequestContext) {
    const now = this.clock.now();
    const report = await findReport(this.db, id);
    if (!report) throw new AppError('not_found');
    const prefix = checkPrefix(report.ip, input.prefix);
    if ('error' in prefix) throw validationFailed({ prefix: prefix.error });
    let expiresAt: number | null = null;
    if (input.expiresAt !== undefined) {
      expiresAt = Date.parse(input.expiresAt);
      if (!Number.isFinite(expiresAt) || expiresAt <= now) throw validationFailed({ expiresAt: 'must be an ISO 8601 time in the future' });
    }
    const override: IpLocationOverridesTable = {
      id: newId(),
      cidr: prefix.cidr,
      country: report.country,
      region: report.region,
      city: report.city,
      report_id: report.id,
      created_by: operatorId,
      reason: input.reason,
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
    };
    const decided = await this.db.transaction().execute(async (trx) => {
      const d = await decideReport(trx, id, { status: 'accepted', by: operatorId, at: now, reason: input.reason, overrideId: override.id });
      if (!d) throw new AppError('conflict', { reason: 'report_already_decided' });
      await insertOverride(trx, override);
      await appendAudit(trx, now, {
        accountId: report.account_id, actor: { type: 'operator', id: operatorId }, event: 'ip_location.report_accepted', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location,
        details: { reportId: id, overrideId: override.id, cidr: override.cidr, country: override.country, region: override.region, city: override.city, expiresAt: expiresAt === null ? null : toIso(expiresAt), reason: input.reason },
      });
      return d;
    });
    await this.reloadOverrides();
    return { report: reportView(decided), override: { id: override.id, cidr: override.cidr, expiresAt: expiresAt === null ? null : toIso(expiresAt) } };
  }

  async reject(operatorId: string, id: string, reason: string, ctx: RequestContext) {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const d = await decideReport(trx, id, { status: 'rejected', by: operatorId, at: now, reason, overrideId: null });
      if (!d) throw (await findReport(trx, id)) ? new AppError('conflict', { reason: 'report_already_decided' }) : new AppError('not_found');
      await appendAudit(trx, now, { accountId: d.account_id, actor: { type: 'operator', id: operatorId }, event: 'ip_location.report_rejected', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { reportId: id, reason } });
      return { report: reportView(d) };
    });
  }
}
