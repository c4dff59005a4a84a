import { describe, expect, it } from "vitest";
import { EngineError } from "../../errors";
import { oneStep } from "../../test-support/flows";
import { Sim } from "../../test-support/sim";

describe("start node", () => {
  it("starting logs the initiator and moves on at once", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "mgr" }] }));
    const effects = await sim.start({ amount: 1 });
    expect(effects[0]).toMatchObject({ type: "appendEvent", event: { action: "start", actor: "alice" } });
    expect(sim.state).toMatchObject({
      status: "running",
      initiator: "alice",
      flowVersion: 1,
      record: { amount: 1 },
    });
    expect(sim.at()).toEqual(["a"]);
  });

  it("a return to the start gives the initiator a task to change the form and submit again", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "mgr" }] }));
    await sim.start({ amount: 1 });
    await sim.act("mgr", { type: "return", toNode: "start" }, { comment: "fix the amount" });
    expect(sim.at()).toEqual(["start"]);
    expect(sim.of("notify").some((n) => n.kind === "returned" && n.users[0] === "alice")).toBe(true);
    await expect(sim.approve("alice")).rejects.toMatchObject({ reason: "ACTION_NOT_ALLOWED" });
    await sim.act("alice", { type: "submit" }, { fieldEdits: { amount: 2 } });
    expect(sim.state.record.amount).toBe(2);
    expect(sim.at()).toEqual(["a"]);
  });

  it("refuses a second start of the same instance", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "mgr" }] }));
    await sim.start();
    const { step } = await import("../../step");
    const again = await step(
      sim.flow,
      sim.state,
      { type: "start", instanceId: "i1", initiator: "alice", record: {} },
      sim.now,
      sim.ports,
    ).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(EngineError);
    expect((again as EngineError).reason).toBe("ALREADY_STARTED");
  });
});
