import { describe, expect, it } from "vitest";
import type { Directory } from "./model";
import { step } from "./step";
import { org } from "./test-support/directory";
import { flowOf, oneStep } from "./test-support/flows";
import { Sim, T0 } from "./test-support/sim";

describe("step", () => {
  it("an instance stays on the version it started on: another version is refused", async () => {
    const v1 = oneStep({ assignees: [{ user: "u1" }] });
    const sim = new Sim(v1);
    await sim.start();
    const v2 = { ...oneStep({ assignees: [{ user: "u2" }] }), version: 2 };
    const task = sim.task("u1");
    await expect(
      step(
        v2,
        sim.state,
        { type: "act", taskId: task.id, actor: "u1", action: { type: "approve" } },
        sim.now,
        sim.ports,
      ),
    ).rejects.toMatchObject({ reason: "INVALID_FLOW" });
    await sim.approve("u1");
    expect(sim.state.status).toBe("completed");
  });

  it("ids carry the instance id, so they are unique across instances", async () => {
    const flow = oneStep({ assignees: [{ user: "u1" }] });
    const ports = { directory: org() };
    const a = await step(
      flow,
      null,
      { type: "start", instanceId: "A", initiator: "x", record: {} },
      T0,
      ports,
    );
    const b = await step(
      flow,
      null,
      { type: "start", instanceId: "B", initiator: "x", record: {} },
      T0,
      ports,
    );
    const ids = (s: typeof a) => [...s.state.visits.map((v) => v.id), ...s.state.tasks.map((t) => t.id)];
    expect(ids(a).every((id) => id.startsWith("A:"))).toBe(true);
    expect(ids(b).filter((id) => ids(a).includes(id))).toEqual([]);
  });

  it("branch conditions read the initiator's id even without a userInfo port", async () => {
    const { userInfo: _unused, ...rest } = org();
    const directory: Directory = rest;
    const flow = flowOf(["start", "b:branch", "x:approval", "end"], ["start>b", "b>x", "b>end", "x>end"], {
      nodes: { x: { assignees: [{ user: "u1" }] } },
      edges: { e2: { when: { "==": [{ var: "$initiator.id" }, "bob"] } }, e3: { default: true } },
    });
    const bob = new Sim(flow, { directory });
    await bob.start({}, "bob");
    expect(bob.at()).toEqual(["x"]);
    const alice = new Sim(flow, { directory });
    await alice.start({}, "alice");
    expect(alice.state.status).toBe("completed");
  });

  it("a flow without a start node is refused", async () => {
    const flow = flowOf(["end"], []);
    await expect(
      step(flow, null, { type: "start", instanceId: "i", initiator: "x", record: {} }, T0, {
        directory: org(),
      }),
    ).rejects.toMatchObject({ reason: "INVALID_FLOW", status: 422 });
  });
});
