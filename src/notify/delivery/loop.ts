/**
 * A background round repeated every `intervalMs` (never overlapping itself), with a `stop()`
 * that waits for the round in flight. Errors are logged and the loop goes on: the queue is in
 * the database, so a failed round only delays work.
 */
import type { Logger } from 'pino';

export interface Loop {
  stop(): Promise<void>;
}

export function startLoop(name: string, intervalMs: number, round: () => Promise<unknown>, logger: Logger): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  const tick = () => {
    timer = null;
    inFlight = round()
      .then(() => undefined, (err: unknown) => logger.warn({ err, loop: name }, 'background round failed'))
      .finally(() => {
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
