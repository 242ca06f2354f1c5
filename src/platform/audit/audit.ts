/**
 * Writing and reading the audit trail. Every security event is appended in the same
 * transaction as the change it records, so the trail never claims a change that rolled back
 * nor misses one that committed.
 */
import type { Db, Trx } from '../db/database.js';
import { newId } from '../crypto.js';
import { GENESIS_HASH, entryHash, verifyChainSegment, type ChainBreak } from './chain.js';
import { AUDIT_EVENTS, type AuditEventName } from './events.js';
import { advanceChainHead, chainHead, eventsFrom, findEvents, insertEvent, type AuditQuery } from './store.js';
import type { AuditEventsTable } from './schema.js';
import { linkedVerification } from './request-links.js';

export type Actor =
  | { type: 'account'; id: string }
  | { type: 'operator'; id: string }
  | { type: 'system'; id: null }
  | { type: 'anonymous'; id: null };

export interface AuditEntry {
  accountId: string | null;
  actor: Actor;
  event: AuditEventName;
  result: 'success' | 'failure';
  ip: string | null;
  userAgent: string | null;
  location: unknown;
  details?: Record<string, unknown>;
  /** Defaults to the event's flag in AUDIT_EVENTS. */
  sensitive?: boolean;
}

function withVerificationLink(entry: AuditEntry): Record<string, unknown> {
  const verificationId = linkedVerification(entry.accountId);
  return verificationId && entry.details?.verificationId === undefined ? { ...entry.details, verificationId } : entry.details ?? {};
}

export async function appendAudit(trx: Trx, now: number, entry: AuditEntry): Promise<string> {
  const { seq, prevHash } = await advanceChainHead(trx);
  const fields = {
    seq,
    id: newId(),
    at: now,
    account_id: entry.accountId,
    actor_type: entry.actor.type,
    actor_id: entry.actor.id,
    event: entry.event,
    result: entry.result,
    sensitive: (entry.sensitive ?? AUDIT_EVENTS[entry.event].sensitive) ? 1 : 0,
    ip: entry.ip,
    user_agent: entry.userAgent,
    location: entry.location === undefined || entry.location === null ? null : JSON.stringify(entry.location),
    details: JSON.stringify(withVerificationLink(entry)),
  };
  await insertEvent(trx, { ...fields, prev_hash: prevHash, hash: entryHash(prevHash, fields) });
  return fields.id;
}

export interface AuditEventView {
  id: string;
  at: string;
  event: string;
  actor: { type: string; id: string | null };
  accountId: string | null;
  ip: string | null;
  userAgent: string | null;
  location: unknown;
  result: string;
  sensitive: boolean;
  details: Record<string, unknown>;
}

function toView(row: AuditEventsTable): AuditEventView {
  return {
    id: row.id,
    at: new Date(Number(row.at)).toISOString(),
    event: row.event,
    actor: { type: row.actor_type, id: row.actor_id },
    accountId: row.account_id,
    ip: row.ip,
    userAgent: row.user_agent,
    location: row.location ? JSON.parse(row.location) : null,
    result: row.result,
    sensitive: row.sensitive === 1,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

/** A page of events, newest first; the cursor is the last seq shown. */
export async function listAudit(db: Db, q: Omit<AuditQuery, 'beforeSeq'> & { cursor?: string }): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const beforeSeq = q.cursor !== undefined ? Number(q.cursor) : undefined;
  const rows = await findEvents(db, { ...q, limit: q.limit + 1, ...(beforeSeq !== undefined && Number.isSafeInteger(beforeSeq) ? { beforeSeq } : {}) });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { events: page.map(toView), nextCursor: rows.length > q.limit && last ? String(last.seq) : null };
}

export type ChainVerification = { ok: true; entries: number; headSeq: number } | { ok: false; entries: number; break: ChainBreak | { seq: number; reason: 'head_mismatch' } };

/** Walks the whole chain in batches; used by `gatehouse audit verify` and the operator console. */
export async function verifyAuditChain(db: Db, batchSize = 2_000): Promise<ChainVerification> {
  let prev = GENESIS_HASH;
  let afterSeq = 0;
  let total = 0;
  for (;;) {
    const batch = await eventsFrom(db, afterSeq, batchSize);
    if (batch.length === 0) break;
    const result = verifyChainSegment(batch.map((r) => ({ ...r, seq: Number(r.seq), at: Number(r.at) })), prev, afterSeq + 1);
    if (!result.ok) return { ok: false, entries: total + result.count, break: result.break };
    prev = result.lastHash;
    afterSeq = result.lastSeq;
    total += result.count;
  }
  // A truncated tail leaves a valid prefix; the head records what the tail should end with.
  const head = await chainHead(db);
  if (head.lastSeq !== afterSeq || head.lastHash !== prev) return { ok: false, entries: total, break: { seq: afterSeq + 1, reason: 'head_mismatch' } };
  return { ok: true, entries: total, headSeq: afterSeq };
}
