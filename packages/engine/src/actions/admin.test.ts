import { describe, expect, it } from "vitest";
import { twoSteps } from "../test-support/flows";
import { Sim } from "../test-support/sim";
import { reactivationTargets } from "./admin";

const two = twoSteps();

describe("admin", () => {
  it("changes the assignee of a pending task", async () => {
    const sim = new Sim(two);
    await sim.start();
    const task = sim.task("ua");
    await sim.run({
      type: "admin",
      actor: "admin",
      action: { type: "changeAssignee", taskId: task.id, to: "ux" },
    });
    expect(sim.state.tasks.find((t) => t.id === task.id)).toMatchObject({
      status: "done",
      action: "transfer",
      actor: "admin",
    });
    expect(sim.events().at(-1)).toBe("changeAssignee:admin");
    await sim.approve("ux");
    expect(sim.at()).toEqual(["b"]);
  });

  it("ends a running instance", async () => {
    const sim = new Sim(two);
    await sim.start();
    await sim.run({ type: "admin", actor: "admin", action: { type: "end" }, comment: "duplicate" });
    expect(sim.state.status).toBe("ended");
    await expect(sim.run({ type: "admin", actor: "admin", action: { type: "end" } })).rejects.toMatchObject({
      reason: "INSTANCE_NOT_RUNNING",
    });
  });

  it("ends an instance whose record was deleted, saying so in the log and to the initiator", async () => {
    const sim = new Sim(two);
    await sim.start();
    const task = sim.task("ua");
    const effects = await sim.run({
      type: "admin",
      actor: "admin",
      action: { type: "end", reason: "recordDeleted" },
    });
    expect(sim.state.status).toBe("ended");
    expect(sim.state.tasks.find((t) => t.id === task.id)?.status).toBe("cancelled");
    const logged = effects.flatMap((e) => (e.type === "appendEvent" ? [e.event] : []));
    expect(logged.find((e) => e.action === "end")?.detail).toEqual({ reason: "recordDeleted" });
    expect(logged.find((e) => e.action === "finish")?.detail).toEqual({
      status: "ended",
      reason: "recordDeleted",
    });
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: "notify",
        kind: "finished",
        payload: expect.objectContaining({ status: "ended", reason: "recordDeleted" }),
      }),
    );
  });

  it("reactivates a finished instance where it stopped, or at a chosen node", async () => {
    const sim = new Sim(two);
    await sim.start();
    await sim.approve("ua");
    const ub = sim.task("ub");
    await sim.act("ub", { type: "reject" });
    expect(sim.state.status).toBe("rejected");
    expect(reactivationTargets(sim.state)).toEqual(["b", "a", "start"]);
    await expect(
      sim.run({ type: "act", taskId: ub.id, actor: "ub", action: { type: "approve" } }),
    ).rejects.toMatchObject({ reason: "INSTANCE_NOT_RUNNING" });
    await sim.run({ type: "admin", actor: "admin", action: { type: "reactivate" } });
    expect(sim.state.status).toBe("running");
    expect(sim.state.finishedAt).toBeUndefined();
    expect(sim.at()).toEqual(["b"]);
    await sim.run({ type: "admin", actor: "admin", action: { type: "end" } });
    await sim.run({ type: "admin", actor: "admin", action: { type: "reactivate", toNode: "a" } });
    expect(sim.at()).toEqual(["a"]);
    await sim.approve("ua");
    await sim.approve("ub");
    expect(sim.state.status).toBe("completed");
  });

  it("refuses to reactivate a running instance or at a node never reached", async () => {
    const sim = new Sim(two);
    await sim.start();
    expect(reactivationTargets(sim.state)).toEqual([]);
    await expect(
      sim.run({ type: "admin", actor: "admin", action: { type: "reactivate" } }),
    ).rejects.toMatchObject({
      reason: "INSTANCE_RUNNING",
    });
    await sim.run({ type: "admin", actor: "admin", action: { type: "end" } });
    await expect(
      sim.run({ type: "admin", actor: "admin", action: { type: "reactivate", toNode: "b" } }),
    ).rejects.toMatchObject({ reason: "RETURN_TARGET_INVALID" });
  });
});

describe("task checks", () => {
  it("refuses another user's task (403), an unknown task (404), a done task (409)", async () => {
    const sim = new Sim(two);
    await sim.start();
    const task = sim.task("ua");
    const approve = (actor: string, taskId = task.id) =>
      sim.run({ type: "act", taskId, actor, action: { type: "approve" } });
    await expect(approve("ub")).rejects.toMatchObject({ reason: "NOT_YOUR_TASK", status: 403 });
    await expect(approve("ua", "i1:t999")).rejects.toMatchObject({ reason: "TASK_NOT_FOUND", status: 404 });
    await approve("ua");
    await expect(approve("ua")).rejects.toMatchObject({ reason: "TASK_NOT_PENDING", status: 409 });
  });

  it("replaying a command against the state it produced is refused and changes nothing", async () => {
    const sim = new Sim(two);
    await sim.start();
    const task = sim.task("ua");
    const command = { type: "act", taskId: task.id, actor: "ua", action: { type: "approve" } } as const;
    await sim.run(command);
    const after = structuredClone(sim.state);
    await expect(sim.run(command)).rejects.toMatchObject({ status: 409 });
    expect(sim.state).toEqual(after);
  });

  it("never mutates the state it is given", async () => {
    const sim = new Sim(two);
    await sim.start();
    const frozen = structuredClone(sim.state);
    const input = sim.state;
    await sim.approve("ua");
    expect(input).toEqual(frozen);
  });
});
