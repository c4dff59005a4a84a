import { describe, expect, it } from "vitest";
import { flowOf } from "../../test-support/flows";
import { Sim } from "../../test-support/sim";

describe("cc node", () => {
  it("puts the instance in the recipients' cc box, notifies them and does not wait", async () => {
    const flow = flowOf(["start", "c:cc", "end"], ["start>c", "c>end"], {
      nodes: { c: { assignees: [{ role: "finance" }, { field: "owner" }] } },
    });
    const sim = new Sim(flow);
    await sim.start({ owner: "zed" });
    const visit = sim.state.visits.find((v) => v.nodeId === "c")!;
    expect(sim.of("cc")).toEqual([
      { type: "cc", users: ["fin1", "fin2", "zed"], nodeId: "c", visitId: visit.id },
    ]);
    expect(sim.of("notify").find((n) => n.kind === "cc")?.users).toEqual(["fin1", "fin2", "zed"]);
    expect(sim.state.status).toBe("completed");
    expect(sim.state.tasks).toEqual([]);
  });

  it("nobody to copy: passes without a cc effect", async () => {
    const flow = flowOf(["start", "c:cc", "end"], ["start>c", "c>end"], {
      nodes: { c: { assignees: [{ role: "empty" }] } },
    });
    const sim = new Sim(flow);
    await sim.start();
    expect(sim.of("cc")).toEqual([]);
    expect(sim.state.status).toBe("completed");
  });
});
