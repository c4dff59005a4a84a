import { describe, expect, it } from "vitest";
import { flowOf } from "../test-support/flows";
import { Sim } from "../test-support/sim";
import { returnTargetsOf } from "./return";

const chain = flowOf(
  ["start", "a:approval", "c:cc", "b:approval", "d:approval", "end"],
  ["start>a", "a>c", "c>b", "b>d", "d>end"],
  {
    nodes: {
      a: { assignees: [{ user: "ua" }] },
      c: { assignees: [{ user: "watcher" }] },
      b: { assignees: [{ user: "ub1" }, { user: "ub2" }], mode: "all" },
      d: { assignees: [{ user: "ud" }] },
    },
  },
);

describe("return", () => {
  it("returns to an earlier node as a new visit; every node after it runs again", async () => {
    const sim = new Sim(chain);
    await sim.start();
    await sim.approve("ua");
    await sim.approve("ub1");
    await sim.approve("ub2");
    await sim.act("ud", { type: "return", toNode: "a" }, { comment: "recheck" });
    expect(sim.at()).toEqual(["a"]);
    const visitsOfA = sim.state.visits.filter((v) => v.nodeId === "a");
    expect(visitsOfA.map((v) => v.status)).toEqual(["completed", "active"]);
    expect(sim.state.visits.find((v) => v.nodeId === "d")).toMatchObject({
      status: "completed",
      outcome: "returned",
    });
    await sim.approve("ua");
    // The cc node copies again, and both countersigners must approve again.
    expect(sim.of("cc")).toHaveLength(2);
    expect(sim.pending().map((t) => t.assignee)).toEqual(["ub1", "ub2"]);
    await sim.approve("ub1");
    await sim.approve("ub2");
    await sim.approve("ud");
    expect(sim.state.status).toBe("completed");
    const ret = sim.of("appendEvent").find((e) => e.event.action === "return")!.event;
    expect(ret).toMatchObject({ actor: "ud", comment: "recheck", detail: { toNode: "a" } });
  });

  it("cancels the other tasks of the returning node", async () => {
    const sim = new Sim(chain);
    await sim.start();
    await sim.approve("ua");
    await sim.approve("ub1");
    const ub2 = sim.task("ub2");
    await sim.act("ub2", { type: "return", toNode: "start" });
    expect(sim.state.tasks.find((t) => t.id === ub2.id)?.action).toBe("return");
    expect(sim.pending().map((t) => t.assignee)).toEqual(["alice"]);
  });

  it("refuses a target that is not an earlier task node of this path", async () => {
    const sim = new Sim(chain);
    await sim.start();
    await sim.approve("ua");
    for (const toNode of ["d", "b", "c", "end", "nope"])
      await expect(sim.act("ub1", { type: "return", toNode })).rejects.toMatchObject({
        reason: "RETURN_TARGET_INVALID",
        status: 422,
      });
  });

  it("after a return, the nodes passed over are no longer earlier", async () => {
    const sim = new Sim(chain);
    await sim.start();
    await sim.approve("ua");
    await sim.approve("ub1");
    await sim.approve("ub2");
    await sim.act("ud", { type: "return", toNode: "a" });
    // b's old visit led to d's old visit, not to the new a.
    await expect(sim.act("ua", { type: "return", toNode: "b" })).rejects.toMatchObject({
      reason: "RETURN_TARGET_INVALID",
    });
    await sim.act("ua", { type: "return", toNode: "start" });
    expect(sim.at()).toEqual(["start"]);
  });

  describe("inside a parallel block", () => {
    const flow = flowOf(
      [
        "start",
        "pre:approval",
        "p:parallel",
        "a1:approval",
        "a2:approval",
        "b:approval",
        "j:join",
        "z:approval",
        "end",
      ],
      ["start>pre", "pre>p", "p>a1", "a1>a2", "a2>j", "p>b", "b>j", "j>z", "z>end"],
      {
        nodes: {
          pre: { assignees: [{ user: "up" }] },
          a1: { assignees: [{ user: "u1" }] },
          a2: { assignees: [{ user: "u2" }] },
          b: { assignees: [{ user: "ub" }] },
          z: { assignees: [{ user: "uz" }] },
        },
      },
    );

    it("a return within a lane re-runs that lane only", async () => {
      const sim = new Sim(flow);
      await sim.start();
      await sim.approve("up");
      await sim.approve("u1");
      await sim.act("u2", { type: "return", toNode: "a1" });
      expect(sim.at().sort()).toEqual(["a1", "b"]);
      await sim.approve("ub");
      await sim.approve("u1");
      await sim.approve("u2");
      expect(sim.at()).toEqual(["z"]);
    });

    it("a return to before the split cancels every lane and the waiting join", async () => {
      const sim = new Sim(flow);
      await sim.start();
      await sim.approve("up");
      await sim.approve("ub");
      expect(sim.at().sort()).toEqual(["a1", "j"]);
      await sim.act("u1", { type: "return", toNode: "pre" });
      expect(sim.at()).toEqual(["pre"]);
      await sim.approve("up");
      expect(sim.at().sort()).toEqual(["a1", "b"]);
    });

    it("cannot return from after the join into one lane, nor into another lane", async () => {
      const sim = new Sim(flow);
      await sim.start();
      await sim.approve("up");
      await sim.approve("ub");
      await expect(sim.act("u1", { type: "return", toNode: "b" })).rejects.toMatchObject({
        reason: "RETURN_TARGET_INVALID",
      });
      await sim.approve("u1");
      await sim.approve("u2");
      await expect(sim.act("uz", { type: "return", toNode: "a2" })).rejects.toMatchObject({
        reason: "RETURN_TARGET_INVALID",
      });
      await sim.act("uz", { type: "return", toNode: "pre" });
      expect(sim.at()).toEqual(["pre"]);
    });
  });
});

describe("returnTargetsOf", () => {
  it("lists the earlier task nodes of an open visit, nearest first", async () => {
    const sim = new Sim(chain);
    await sim.start();
    await sim.approve("ua");
    await sim.approve("ub1");
    await sim.approve("ub2");
    expect(returnTargetsOf(sim.state, sim.task("ud").visitId)).toEqual(["b", "a", "start"]);
    const closed = sim.state.visits.find((v) => v.nodeId === "b")!;
    expect(returnTargetsOf(sim.state, closed.id)).toEqual([]);
    expect(returnTargetsOf(sim.state, "nope")).toEqual([]);
  });
});
