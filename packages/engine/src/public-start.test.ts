// A public fill-link submission starts the flow with no initiator (as Jiandaoyun does): assignees that
// depend on the initiator resolve to nobody, so the node's whenEmpty fallback applies; a return to the
// start node gives the admins the task; nobody is notified as the initiator.
import { describe, expect, it } from "vitest";
import { org } from "./test-support/directory";
import { flowOf, oneStep, twoSteps } from "./test-support/flows";
import { Sim } from "./test-support/sim";

const anonymous = (sim: Sim, record = {}) =>
  sim.run({ type: "start", instanceId: "i1", initiator: null, record });

describe("a flow started by a public submission", () => {
  it("initiator-dependent assignees resolve to nobody: the admins get the node", async () => {
    for (const assignee of [{ deptHead: 1 }, { managerChain: 2 }, { initiator: true }]) {
      const sim = new Sim(oneStep({ assignees: [assignee] }), { directory: org({ admins: ["ad1", "ad2"] }) });
      await anonymous(sim);
      expect(sim.state.initiator).toBeNull();
      expect(sim.pending().map((t) => t.assignee)).toEqual(["ad1", "ad2"]);
      expect(sim.events().slice(0, 2)).toEqual(["start:system", "changeAssignee:system"]);
      await sim.approve("ad1");
      expect(sim.state.status).toBe("completed");
      // Nobody to tell how it ended.
      expect(sim.effects.some((e) => e.type === "notify" && e.kind === "finished")).toBe(false);
    }
  });

  it("a named approver still gets the task; autoPass passes a node that names nobody", async () => {
    const named = new Sim(oneStep({ assignees: [{ user: "mgr" }, { deptHead: 1 }] }));
    await anonymous(named);
    expect(named.pending().map((t) => t.assignee)).toEqual(["mgr"]);
    const auto = new Sim(oneStep({ assignees: [{ managerChain: 1 }], whenEmpty: "autoPass" }));
    await anonymous(auto);
    expect(auto.state.status).toBe("completed");
    expect(auto.events()).toContain("autoPass:system");
  });

  it("branch conditions see no initiator", async () => {
    const flow = flowOf(
      ["start", "x:branch", "a:approval", "b:approval", "end"],
      ["start>x", "x>a", "x>b", "a>end", "b>end"],
      {
        nodes: { a: { assignees: [{ user: "ua" }] }, b: { assignees: [{ user: "ub" }] } },
        edges: { e2: { when: { "==": [{ var: "$initiator.id" }, null] } }, e3: { default: true } },
      },
    );
    const sim = new Sim(flow);
    await anonymous(sim);
    expect(sim.pending().map((t) => t.assignee)).toEqual(["ua"]);
  });

  it("a return to the start node goes to the admins, who submit it again", async () => {
    const sim = new Sim(twoSteps(), { directory: org({ admins: ["ad1"] }) });
    await anonymous(sim);
    await sim.act("ua", { type: "return", toNode: "start" });
    expect(sim.pending().map((t) => t.assignee)).toEqual(["ad1"]);
    await sim.act("ad1", { type: "submit" });
    expect(sim.pending().map((t) => t.assignee)).toEqual(["ua"]);
  });
});
