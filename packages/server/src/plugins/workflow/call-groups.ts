// Group commit, generalised: calls of one kind made while earlier ones are in flight wait and go out
// together as ONE statement. Under load, per-statement work (a round trip, an execution, a commit) is
// most of what PostgreSQL spends on a small read or write, so an approval's read and write are each
// shared with the approvals that arrive beside it. Each call still gets its own answer: `run` answers
// one result per input (or AGAIN: send this input in the next group as it is), and a group whose
// statement fails is sent again one call at a time, so a bad input fails only its own caller.

/** `run`'s answer for an input that must go again in a later group. */
export const AGAIN: unique symbol = Symbol("again");

export interface GroupOptions<In> {
  /** Groups in flight at once: the rest of the server's pool stays free for other work. */
  concurrent: number;
  /** Calls per group at most (a statement's parameters grow with them). */
  max: number;
  /** Calls with the same key never share a group (the later one waits for the next). */
  key?: (input: In) => string;
}

interface Waiting<In, Out> {
  input: In;
  done: (output: Out) => void;
  fail: (error: unknown) => void;
}

export class CallGroups<In, Out> {
  private queue: Waiting<In, Out>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: In[]) => Promise<(Out | typeof AGAIN)[]>,
    private readonly options: GroupOptions<In>,
  ) {}

  call(input: In): Promise<Out> {
    return new Promise((done, fail) => {
      this.queue.push({ input, done, fail });
      this.schedule();
    });
  }

  /** After this turn of the event loop, so that calls made by the same round of replies go together. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.concurrent && this.queue.length > 0) {
      const group = this.take();
      this.inFlight++;
      void this.send(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The oldest waiting calls, at most one per key. */
  private take(): Waiting<In, Out>[] {
    const { max, key } = this.options;
    const group: Waiting<In, Out>[] = [];
    const keys = new Set<string>();
    const rest: Waiting<In, Out>[] = [];
    for (const waiting of this.queue) {
      const k = key?.(waiting.input);
      if (group.length < max && (k === undefined || !keys.has(k))) {
        if (k !== undefined) keys.add(k);
        group.push(waiting);
      } else rest.push(waiting);
    }
    this.queue = rest;
    return group;
  }

  private async send(group: Waiting<In, Out>[]): Promise<void> {
    let outputs: (Out | typeof AGAIN)[];
    try {
      outputs = await this.run(group.map((w) => w.input));
    } catch (error) {
      if (group.length === 1) group[0]!.fail(error);
      else await Promise.all(group.map((w) => this.send([w])));
      return;
    }
    const again: Waiting<In, Out>[] = [];
    for (const [i, waiting] of group.entries()) {
      const output = outputs[i]!;
      if (output === AGAIN) again.push(waiting);
      else waiting.done(output);
    }
    this.queue.unshift(...again);
  }
}
