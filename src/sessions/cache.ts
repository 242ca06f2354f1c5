/**
 * An in-process cache of session rows so the check that runs on every authenticated request
 * usually costs no database round trip. Correctness rule: a revocation made by this process
 * evicts the entry at once; one made by another process is seen when the entry's TTL runs
 * out (GATEHOUSE_SESSION_CACHE_SECONDS, default 5 s) — the documented bound on cross-instance
 * revocation lag. Bounded in size; the oldest entries go first.
 */
import type { SessionRow } from './store.js';

interface Entry {
  row: SessionRow;
  loadedAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  get(id: string, now: number): SessionRow | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (now - entry.loadedAt >= this.ttlMs || now < entry.loadedAt) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.row;
  }

  set(row: SessionRow, now: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(row.id, { row, loadedAt: now });
  }

  evict(ids: Iterable<string>): void {
    for (const id of ids) this.entries.delete(id);
  }
}
