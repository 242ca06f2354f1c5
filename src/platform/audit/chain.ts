/**
 * The tamper-evidence of the audit trail: every entry's hash covers its own fields and the
 * previous entry's hash, so editing, deleting or reordering any entry breaks every hash after
 * it. Pure functions, shared by the writer and `gatehouse audit verify`.
 */
import { sha256Hex } from '../crypto.js';

export const GENESIS_HASH = 'genesis';

export interface ChainedFields {
  seq: number;
  id: string;
  at: number;
  account_id: string | null;
  actor_type: string;
  actor_id: string | null;
  event: string;
  result: string;
  sensitive: number;
  ip: string | null;
  user_agent: string | null;
  location: string | null;
  details: string;
}

/** Field order is fixed here, not taken from object key order, so the hash is reproducible. */
export function entryHash(prevHash: string, f: ChainedFields): string {
  const canonical = JSON.stringify([
    f.seq, f.id, f.at, f.account_id, f.actor_type, f.actor_id, f.event, f.result, f.sensitive, f.ip, f.user_agent, f.location, f.details,
  ]);
  return sha256Hex(`${prevHash}\n${canonical}`);
}

export type ChainBreak = { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' };

/** Checks a run of entries in seq order, given the hash that precedes the first one. */
export function verifyChainSegment(
  entries: Iterable<ChainedFields & { prev_hash: string; hash: string }>,
  expectedPrevHash: string,
  expectedFirstSeq: number,
): { ok: true; lastHash: string; lastSeq: number; count: number } | { ok: false; break: ChainBreak; count: number } {
  let prev = expectedPrevHash;
  let nextSeq = expectedFirstSeq;
  let count = 0;
  for (const e of entries) {
    if (e.seq !== nextSeq) return { ok: false, break: { seq: e.seq, reason: 'sequence_gap' }, count };
    if (e.prev_hash !== prev) return { ok: false, break: { seq: e.seq, reason: 'prev_hash_mismatch' }, count };
    if (entryHash(prev, e) !== e.hash) return { ok: false, break: { seq: e.seq, reason: 'hash_mismatch' }, count };
    prev = e.hash;
    nextSeq++;
    count++;
  }
  return { ok: true, lastHash: prev, lastSeq: nextSeq - 1, count };
}
