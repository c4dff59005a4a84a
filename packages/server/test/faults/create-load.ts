// A steady stream of concurrent record creates (single records and small batches) that remembers
// what it sent, when, and what the server answered, so a test can line outcomes up with a fault.
import type { Caller } from "../harness";

export interface CreateOutcome {
  /** The titles sent, unique across the whole run: how stored rows are traced back to requests. */
  titles: string[];
  startedAt: number;
  endedAt: number;
  status: number;
  code: string | undefined;
  /** The ids of the created records when the server acknowledged the write (201). */
  ids: string[];
}

export interface CreateLoad {
  outcomes: CreateOutcome[];
  acknowledgedSince(time: number): number;
  /** Stops issuing requests and waits for the ones in flight. */
  stop(): Promise<CreateOutcome[]>;
}

const BATCH_SIZE = 10;

export function startCreateLoad(
  caller: Caller,
  formId: string,
  { workers = 6, pauseAfterFailureMs = 25 } = {},
): CreateLoad {
  const outcomes: CreateOutcome[] = [];
  let running = true;
  let sequence = 0;

  const once = async (batch: boolean) => {
    const titles = Array.from({ length: batch ? BATCH_SIZE : 1 }, () => `load ${sequence++}`);
    const records = titles.map((title, i) => ({ data: { title, price: i, qty: 2 } }));
    const startedAt = Date.now();
    const response = await caller.request(
      "POST",
      `/api/forms/${formId}/records`,
      batch ? records : records[0],
    );
    const body = response.json<{ id?: string; records?: { id: string }[]; error?: { code: string } }>();
    const ids = response.statusCode === 201 ? (body.records?.map((r) => r.id) ?? [body.id!]) : [];
    const outcome = {
      titles,
      startedAt,
      endedAt: Date.now(),
      status: response.statusCode,
      code: body.error?.code,
      ids,
    };
    outcomes.push(outcome);
    return outcome;
  };

  const worker = async (index: number) => {
    for (let i = 0; running; i++) {
      const outcome = await once((i + index) % 4 === 3);
      if (outcome.status !== 201) await new Promise((resolve) => setTimeout(resolve, pauseAfterFailureMs));
    }
  };
  const all = Promise.all(Array.from({ length: workers }, (_, i) => worker(i)));

  return {
    outcomes,
    acknowledgedSince: (time) => outcomes.filter((o) => o.status === 201 && o.startedAt >= time).length,
    async stop() {
      running = false;
      await all;
      return outcomes;
    },
  };
}
