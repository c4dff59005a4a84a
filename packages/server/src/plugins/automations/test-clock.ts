// Test mode only: moving the server's clock forward over HTTP, so a browser test can show what happens
// days later (a date trigger's reminder, a customer returning to the public pool). Registered only when
// the server runs with FORMWORK_TEST_CLOCK=1 (config.testClock; the start refuses it in production), and
// only for system admins. After moving the clock it runs the automations that became due, so the answer
// comes after their effects are committed.
import type { FastifyPluginAsync } from "fastify";
import type { ServerClock } from "../../clock";
import type { AutomationPoller } from "./poller";

export interface TestClockOptions {
  clock: ServerClock;
  poller: AutomationPoller;
}

const advanceBody = {
  type: "object",
  additionalProperties: false,
  properties: {
    days: { type: "number", minimum: 0, maximum: 3660 },
    minutes: { type: "number", minimum: 0, maximum: 527_040 },
  },
} as const;

/** Bounds the catch-up rounds (each round runs up to the poller's batch of due automations). */
const MAX_ROUNDS = 100;

export const testClockPlugin: FastifyPluginAsync<TestClockOptions> = async (app, { clock, poller }) => {
  const state = (ran: number) => ({ now: clock.now().toISOString(), offsetMs: clock.offset, ran });

  app.get("/api/test/clock", { config: { auth: "admin" }, schema: { tags: ["test"] } }, async () => state(0));

  app.post<{ Body: { days?: number; minutes?: number } | undefined }>(
    "/api/test/clock",
    {
      config: { auth: "admin" },
      schema: {
        tags: ["test"],
        body: advanceBody,
        description:
          "Test mode only (FORMWORK_TEST_CLOCK=1): moves the server's clock forward by days and minutes, then runs the schedule and date automations that became due.",
      },
    },
    async (request) => {
      const { days = 0, minutes = 0 } = request.body ?? {};
      clock.advance((days * 24 * 60 + minutes) * 60_000);
      let ran = 0;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const count = await poller.tick();
        if (count === 0) break;
        ran += count;
      }
      return state(ran);
    },
  );
};
