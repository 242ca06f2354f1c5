/**
 * Runs tasks one after another: a task starts only when the previous one has settled, whether
 * it succeeded or failed. Background rounds (delivery, webhooks) use it so a timer tick and an
 * explicit `runOnce()` never overlap inside one process.
 */
export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
