import { describe, expect, it } from "vitest";
import { oneStep } from "../test-support/flows";
import { Sim } from "../test-support/sim";

describe("transfer", () => {
  it("hands the task over: the old one closes as transferred, the new one has origin transfer", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "u1" }, { user: "u2" }], mode: "all" }));
    await sim.start();
    await sim.act("u1", { type: "transfer", to: "u9" }, { comment: "on leave" });
    expect(sim.state.tasks.find((t) => t.assignee === "u1")).toMatchObject({
      status: "done",
      action: "transfer",
    });
    expect(sim.task("u9")).toMatchObject({ origin: "transfer", nodeId: "a" });
    expect(sim.of("appendEvent").at(-1)?.event).toMatchObject({
      action: "transfer",
      detail: { from: "u1", to: "u9" },
    });
    await sim.approve("u9");
    await sim.approve("u2");
    expect(sim.state.status).toBe("completed");
  });

  it("refuses a transfer to oneself or to someone holding a task here", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "u1" }, { user: "u2" }], mode: "all" }));
    await sim.start();
    for (const to of ["u1", "u2", ""])
      await expect(sim.act("u1", { type: "transfer", to })).rejects.toMatchObject({
        reason: "INVALID_ASSIGNEE",
      });
  });

  it("keeps the place in a sequential lane", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "u1" }, { user: "u2" }], mode: "sequential" }));
    await sim.start();
    await sim.act("u1", { type: "transfer", to: "u9" });
    await sim.approve("u9");
    expect(sim.pending().map((t) => t.assignee)).toEqual(["u2"]);
  });
});

describe("add signer", () => {
  it("before: the added signers act first, then the task comes back to its holder", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "u1" }], mode: "any" }));
    await sim.start();
    await sim.act("u1", { type: "addSigner", users: ["x1", "x2"], position: "before" });
    expect(sim.pending().map((t) => [t.assignee, t.origin])).toEqual([["x1", "added-signer"]]);
    await sim.approve("x1");
    await sim.approve("x2");
    expect(sim.pending().map((t) => [t.assignee, t.origin])).toEqual([["u1", "rule"]]);
    await sim.approve("u1");
    expect(sim.state.status).toBe("completed");
  });

  it("after: the holder's part is done, the added signer acts next", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "u1" }] }));
    await sim.start();
    await sim.act("u1", { type: "addSigner", users: ["x1"], position: "after" }, { comment: "please check" });
    expect(sim.state.tasks[0]).toMatchObject({
      status: "done",
      action: "addSigner",
      comment: "please check",
    });
    expect(sim.pending().map((t) => t.assignee)).toEqual(["x1"]);
    await sim.approve("x1");
    expect(sim.state.status).toBe("completed");
  });

  it("parallel: the added signer acts beside the holder and must approve even at an any-node", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "u1" }, { user: "u2" }], mode: "any" }));
    await sim.start();
    await sim.act("u1", { type: "addSigner", users: ["x1"], position: "parallel" });
    expect(
      sim
        .pending()
        .map((t) => t.assignee)
        .sort(),
    ).toEqual(["u1", "u2", "x1"]);
    await sim.approve("u2");
    // u1's vote is no longer needed, x1's still is.
    expect(sim.pending().map((t) => t.assignee)).toEqual(["x1"]);
    await sim.approve("x1");
    expect(sim.state.status).toBe("completed");
  });

  it("an added signer's rejection rejects", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "u1" }] }));
    await sim.start();
    await sim.act("u1", { type: "addSigner", users: ["x1"], position: "parallel" });
    await sim.act("x1", { type: "reject" });
    expect(sim.state.status).toBe("rejected");
  });

  it("refuses no signer, oneself, or a current holder", async () => {
    const sim = new Sim(oneStep({ assignees: [{ user: "u1" }, { user: "u2" }], mode: "all" }));
    await sim.start();
    for (const users of [[], ["u1"], ["u2"]])
      await expect(sim.act("u1", { type: "addSigner", users, position: "after" })).rejects.toMatchObject({
        reason: "INVALID_ASSIGNEE",
      });
  });
});
