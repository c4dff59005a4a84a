// The server's clock: what "now" is for the automations (the poller's due times, date triggers, the
// formulas and relative dates of their runs) and template installs. Real time plus an offset that is
// zero unless a test moves it forward (ServerClock.advance), so a test can see what happens 30 days
// later without waiting. The HTTP way to move it exists only with FORMWORK_TEST_CLOCK=1 (test-clock.ts).
export class ServerClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** How far ahead of real time the clock runs (ms). */
  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock forward (never back: due times already passed stay passed). */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("the clock only moves forward");
    this.offsetMs += ms;
    return this.now();
  }
}
