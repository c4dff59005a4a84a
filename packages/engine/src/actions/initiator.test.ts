import { describe, expect, it } from "vitest";
import { oneStep, twoSteps } from "../test-support/flows";
import { Sim } from "../test-support/sim";
import { canWithdraw } from "./initiator";

const two = twoSteps();

describe("withdraw", () => {
  it("the initiator withdraws while nobody has acted: everything open is cancelled", async () => {
    const sim = new Sim(two);
    await sim.start();
    expect(canWithdraw(sim.state)).toBe(true);
    await sim.run({ type: "withdraw", actor: "alice", comment: "wrong form" });
    expect(sim.state.status).toBe("withdrawn");
    expect(sim.of("cancelTask")).toHaveLength(1);
    expect(sim.events().slice(-2)).toEqual(["withdraw:alice", "finish:alice"]);
    expect(sim.of("notify").filter((n) => n.kind === "finished")).toEqual([]);
  });

  it("is refused once somebody has acted, and for anyone but the initiator", async () => {
    const sim = new Sim(two);
    await sim.start();
    await expect(sim.run({ type: "withdraw", actor: "ua" })).rejects.toMatchObject({
      reason: "NOT_INITIATOR",
      status: 403,
    });
    await sim.approve("ua");
    expect(canWithdraw(sim.state)).toBe(false);
    await expect(sim.run({ type: "withdraw", actor: "alice" })).rejects.toMatchObject({
      reason: "WITHDRAW_NOT_ALLOWED",
      status: 409,
    });
  });

  it("admin reassignments and automatic passes do not count as acting", async () => {
    const sim = new Sim(two);
    await sim.start();
    const task = sim.task("ua");
    await sim.run({
      type: "admin",
      actor: "admin",
      action: { type: "changeAssignee", taskId: task.id, to: "ux" },
    });
    expect(canWithdraw(sim.state)).toBe(true);
  });

  it("after resubmitting, only what happened since counts", async () => {
    const sim = new Sim(two);
    await sim.start();
    await sim.approve("ua");
    await sim.act("ub", { type: "return", toNode: "start" });
    await sim.act("alice", { type: "submit" });
    expect(canWithdraw(sim.state)).toBe(true);
    await sim.approve("ua");
    expect(canWithdraw(sim.state)).toBe(false);
  });

  it("is possible again while a return has put the instance back with the initiator", async () => {
    const sim = new Sim(two);
    await sim.start();
    await sim.approve("ua");
    await sim.act("ub", { type: "return", toNode: "start" });
    await sim.run({ type: "withdraw", actor: "alice" });
    expect(sim.state.status).toBe("withdrawn");
  });
});

describe("urge", () => {
  it("notifies every pending assignee and logs it, changing no task", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "u1" }, { user: "u2" }], mode: "all" }));
    await sim.start();
    const before = sim.state.tasks;
    const effects = await sim.run({ type: "urge", actor: "alice", comment: "please" });
    expect(
      effects.filter((e) => e.type === "notify").map((e) => e.type === "notify" && [e.kind, e.users]),
    ).toEqual([
      ["urge", ["u1"]],
      ["urge", ["u2"]],
    ]);
    expect(sim.state.tasks).toEqual(before);
    await expect(sim.run({ type: "urge", actor: "u1" })).rejects.toMatchObject({ reason: "NOT_INITIATOR" });
  });

  it("is refused on a finished instance", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "u1" }] }));
    await sim.start();
    await sim.approve("u1");
    await expect(sim.run({ type: "urge", actor: "alice" })).rejects.toMatchObject({
      reason: "INSTANCE_NOT_RUNNING",
    });
  });
});
