// A sleep that others may cut short: the background loops (workflow timers, the outbox dispatcher)
// sleep until the next due row, and stopping or new work wakes them at once.
export class WakeableSleep {
  private readonly wakers = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  /** Ends every sleep in progress. */
  wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }
}
