/**
 * Fixed-window rate limits: `max` events per `windowMs`, the window starting at the first
 * event. The database applies `nextWindow` atomically (see store.ts); this file states the
 * rule in plain code for tests and for reading.
 */
export interface RateRule {
  /** Stable name, part of the storage key (e.g. "code-send:dest"). */
  name: string;
  max: number;
  windowMs: number;
}

export interface WindowState {
  windowStartedAt: number;
  count: number;
}

export function nextWindow(state: WindowState | null, rule: RateRule, now: number): WindowState {
  if (!state || state.windowStartedAt + rule.windowMs <= now) return { windowStartedAt: now, count: 1 };
  return { windowStartedAt: state.windowStartedAt, count: state.count + 1 };
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export function decide(state: WindowState, rule: RateRule, now: number): RateDecision {
  if (state.count <= rule.max) return { allowed: true, remaining: rule.max - state.count };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((state.windowStartedAt + rule.windowMs - now) / 1000)) };
}
