/**
 * Database-backed limiter shared by every instance: counts live in `rate_limits`, so several
 * Gatehouse processes on one PostgreSQL enforce one limit.
 */
import type { Db } from '../db/database.js';
import { rateLimited } from '../http/errors.js';
import { decide, type RateRule } from './policy.js';
import { countEvent, peekWindow } from './store.js';

export async function consume(db: Db, rule: RateRule, subject: string, now: number): Promise<void> {
  const state = await countEvent(db, `${rule.name}:${subject}`, rule.windowMs, now);
  const decision = decide(state, rule, now);
  if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
}

/** Throws when the subject is already over the limit, without counting anything. */
export async function check(db: Db, rule: RateRule, subject: string, now: number): Promise<void> {
  const state = await peekWindow(db, `${rule.name}:${subject}`);
  if (!state || state.windowStartedAt + rule.windowMs <= now) return;
  if (state.count >= rule.max) throw rateLimited((state.windowStartedAt + rule.windowMs - now) / 1000);
}
