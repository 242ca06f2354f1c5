/**
 * Sessions for accounts and operators: created at sign-in, checked on every authenticated
 * request, listed, revoked one by one or all at once ("log out from all logins").
 *
 * Expiry: a session dies at `expires_at` (absolute, from creation) or after an idle period;
 * each use slides the idle deadline forward, written at most once a minute per session so
 * busy clients do not turn every read into a write.
 */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { MINUTE_MS, toIso } from '../platform/clock.js';
import type { GeoLocation } from '../geo/location.js';
import { SessionCache } from './cache.js';
import { newSessionToken, parseSessionToken, secretMatches } from './token.js';
import { activeSessionsOf, findSession, insertSession, revokeAllSessions, revokeSession, touchSession, type SessionRow, type SubjectType } from './store.js';

const TOUCH_INTERVAL_MS = MINUTE_MS;

export interface SessionPolicy {
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
  cacheTtlMs: number;
}

export interface NewSession {
  subjectType: SubjectType;
  subjectId: string;
  ip: string;
  userAgent: string;
  location: GeoLocation;
  authMethods: string[];
}

export interface AuthenticatedSession {
  id: string;
  subjectType: SubjectType;
  subjectId: string;
  expiresAt: number;
  authMethods: string[];
}

export interface SessionView {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string;
  location: GeoLocation;
  userAgent: string;
}

export class SessionService {
  private readonly cache: SessionCache;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
    private readonly onError: (err: unknown) => void = () => {},
  ) {
    this.cache = new SessionCache(policy.cacheTtlMs);
  }

  /** Writes the session in the caller's transaction; the token is returned once and never stored. */
  async create(trx: Db, s: NewSession): Promise<{ token: string; id: string; expiresAt: number }> {
    const now = this.clock.now();
    const { id, token, secretHash } = newSessionToken();
    const expiresAt = now + this.policy.absoluteTimeoutMs;
    await insertSession(trx, {
      id,
      subject_type: s.subjectType,
      subject_id: s.subjectId,
      secret_hash: secretHash,
      created_at: now,
      last_seen_at: now,
      idle_expires_at: Math.min(now + this.policy.idleTimeoutMs, expiresAt),
      expires_at: expiresAt,
      revoked_at: null,
      revoked_reason: null,
      ip: s.ip,
      user_agent: s.userAgent,
      location: JSON.stringify(s.location),
      auth_methods: JSON.stringify(s.authMethods),
    });
    return { token, id, expiresAt };
  }

  async authenticate(token: string, subjectType: SubjectType): Promise<AuthenticatedSession | null> {
    const parsed = parseSessionToken(token);
    if (!parsed) return null;
    const now = this.clock.now();
    let row = this.cache.get(parsed.id, now);
    if (!row) {
      row = await findSession(this.db, parsed.id);
      if (!row) return null;
      this.cache.set(row, now);
    }
    if (row.subject_type !== subjectType || !secretMatches(parsed.secret, row.secret_hash)) return null;
    if (row.revoked_at !== null || Number(row.expires_at) <= now || Number(row.idle_expires_at) <= now) return null;
    if (now - Number(row.last_seen_at) >= TOUCH_INTERVAL_MS) await this.touch(row, now);
    return { id: row.id, subjectType: row.subject_type, subjectId: row.subject_id, expiresAt: Number(row.expires_at), authMethods: JSON.parse(row.auth_methods) as string[] };
  }

  /**
   * Awaited (once a minute per session at most) so that the next reader — this instance after
   * its cache entry expires, or another instance — sees the slid deadline.
   */
  private async touch(row: SessionRow, now: number): Promise<void> {
    const idleExpiresAt = Math.min(now + this.policy.idleTimeoutMs, Number(row.expires_at));
    this.cache.set({ ...row, last_seen_at: now, idle_expires_at: idleExpiresAt }, now);
    await touchSession(this.db, row.id, now, idleExpiresAt, now - TOUCH_INTERVAL_MS).catch(this.onError);
  }

  async list(subjectType: SubjectType, subjectId: string, currentId: string | null): Promise<SessionView[]> {
    const rows = await activeSessionsOf(this.db, subjectType, subjectId, this.clock.now());
    return rows.map((r) => ({
      id: r.id,
      current: r.id === currentId,
      createdAt: toIso(Number(r.created_at)),
      lastSeenAt: toIso(Number(r.last_seen_at)),
      expiresAt: toIso(Number(r.expires_at)),
      ip: r.ip,
      location: JSON.parse(r.location) as GeoLocation,
      userAgent: r.user_agent,
    }));
  }

  async revoke(trx: Db, subjectType: SubjectType, subjectId: string, id: string, reason: string): Promise<boolean> {
    this.cache.evict([id]);
    return revokeSession(trx, subjectType, subjectId, id, this.clock.now(), reason);
  }

  /** Ends every session of the subject (but `keepId`); returns how many ended. */
  async revokeAll(trx: Db, subjectType: SubjectType, subjectId: string, reason: string, keepId: string | null = null): Promise<number> {
    const ids = await revokeAllSessions(trx, subjectType, subjectId, this.clock.now(), reason, keepId);
    this.cache.evict(ids);
    return ids.length;
  }
}
