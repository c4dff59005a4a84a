import { describe, expect, it } from "vitest";
import { deadline, flowOf, oneStep } from "../test-support/flows";
import { DAY, HOUR, Sim } from "../test-support/sim";

describe("deadline timers", () => {
  it("remind repeats until the node completes, then its timer is cancelled", async () => {
    const sim = new Sim(
      oneStep({
        assignees: [{ user: "u1" }],
        deadline: deadline("remind", { after: "P1D", repeat: "PT12H" }),
      }),
    );
    await sim.start();
    expect(sim.state.timers).toMatchObject([
      { kind: "remind", due: "2026-11-24T01:00:00.000Z", status: "pending" },
    ]);
    await sim.advance(DAY + HOUR);
    await sim.advance(12 * HOUR);
    expect(sim.of("notify").filter((n) => n.kind === "remind")).toHaveLength(2);
    expect(sim.state.status).toBe("running");
    await sim.approve("u1");
    expect(sim.state.timers.filter((t) => t.status === "pending")).toEqual([]);
    expect(sim.of("cancelTimer")).toHaveLength(1);
  });

  it("a reminder overdue by several periods fires once and schedules the next one ahead", async () => {
    const sim = new Sim(
      oneStep({
        assignees: [{ user: "u1" }],
        deadline: deadline("remind", { after: "PT1H", repeat: "PT1H" }),
      }),
    );
    await sim.start();
    await sim.advance(10 * HOUR + 30 * 60_000);
    expect(sim.of("notify").filter((n) => n.kind === "remind")).toHaveLength(1);
    expect(sim.state.timers.at(-1)?.due).toBe("2026-11-23T12:00:00.000Z");
  });

  it("auto-approve passes the node as the system", async () => {
    const sim = new Sim(
      oneStep({
        assignees: [{ user: "u1" }, { user: "u2" }],
        mode: "all",
        deadline: deadline("approve", { after: "PT4H" }),
      }),
    );
    await sim.start();
    await sim.approve("u1");
    await sim.advance(4 * HOUR);
    expect(sim.state.status).toBe("completed");
    expect(sim.state.tasks.find((t) => t.assignee === "u2")).toMatchObject({
      action: "autoPass",
      actor: "system",
    });
  });

  it("auto-return goes back to the previous task node", async () => {
    const flow = flowOf(["start", "a:approval", "b:approval", "end"], ["start>a", "a>b", "b>end"], {
      nodes: {
        a: { assignees: [{ user: "ua" }] },
        b: { assignees: [{ user: "ub" }], deadline: deadline("return", { after: "P2D" }) },
      },
    });
    const sim = new Sim(flow);
    await sim.start();
    await sim.approve("ua");
    await sim.advance(2 * DAY);
    expect(sim.at()).toEqual(["a"]);
    expect(sim.state.tasks.find((t) => t.assignee === "ub")).toMatchObject({
      action: "return",
      actor: "system",
    });
  });

  it("escalate hands the open work to the escalation assignees", async () => {
    const sim = new Sim(
      oneStep({
        assignees: [{ user: "u1" }],
        deadline: deadline("escalate", { after: "P1D", escalateTo: [{ role: "director" }] }),
      }),
    );
    await sim.start();
    await sim.advance(DAY);
    expect(sim.pending().map((t) => [t.assignee, t.origin])).toEqual([["dir", "transfer"]]);
    expect(sim.of("notify").some((n) => n.kind === "escalated" && n.users[0] === "dir")).toBe(true);
    await sim.approve("dir");
    expect(sim.state.status).toBe("completed");
  });

  it("a timer of a visit that already completed, or fired twice, is a no-op", async () => {
    const sim = new Sim(
      oneStep({ assignees: [{ user: "u1" }], deadline: deadline("approve", { after: "P1D" }) }),
    );
    await sim.start();
    const timer = sim.state.timers[0]!;
    await sim.approve("u1");
    const done = sim.state;
    const effects = await sim.run({ type: "timer", timerId: timer.id });
    expect(effects).toEqual([]);
    expect(sim.state).toBe(done);

    const other = new Sim(
      oneStep({ assignees: [{ user: "u1" }], deadline: deadline("remind", { after: "P1D" }) }),
    );
    await other.start();
    const remind = other.state.timers[0]!;
    await other.run({ type: "timer", timerId: remind.id });
    expect(await other.run({ type: "timer", timerId: remind.id })).toEqual([]);
    expect(await other.run({ type: "timer", timerId: "i1:m404" })).toEqual([]);
  });

  it("a deadline on a date field falls at the end of that local day; an empty field sets none", async () => {
    const node = { assignees: [{ user: "u1" }], deadline: deadline("approve", { field: "due" }) };
    const sim = new Sim(oneStep(node));
    await sim.start({ due: "2026-11-25" });
    expect(sim.state.timers[0]?.due).toBe("2026-11-25T16:00:00.000Z");
    const empty = new Sim(oneStep(node));
    await empty.start({});
    expect(empty.state.timers).toEqual([]);
  });

  it("working days skip the weekend", async () => {
    const sim = new Sim(
      oneStep({
        assignees: [{ user: "u1" }],
        deadline: deadline("remind", { after: "P5D", workingDays: true }),
      }),
    );
    sim.now = "2026-11-27T02:00:00.000Z"; // Friday 10:00 in Shanghai
    await sim.start();
    expect(sim.state.timers[0]?.due).toBe("2026-12-04T02:00:00.000Z");
  });
});
