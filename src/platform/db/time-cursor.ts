/**
 * Keyset cursors for lists ordered by (time desc, id desc). Several rows can share one
 * millisecond (notices written in one transaction, parallel sign-ins), so a cursor holding the
 * time alone skipped rows at a page boundary; this one carries the id too: `<ms>-<id>`.
 * A bare `<ms>` (the older form) still works.
 */
export interface TimeCursor {
  at: number;
  id: string | null;
}

/** What a route schema accepts as a cursor. */
export const TIME_CURSOR_PATTERN = '^[0-9]{1,16}(-[0-9a-z]{1,40})?$';

export function parseTimeCursor(raw: string | undefined): TimeCursor | undefined {
  const m = raw === undefined ? null : /^(\d{1,16})(?:-([0-9a-z]{1,40}))?$/.exec(raw);
  return m ? { at: Number(m[1]), id: m[2] ?? null } : undefined;
}

export function formatTimeCursor(at: number | bigint, id: string): string {
  return `${Number(at)}-${id}`;
}
