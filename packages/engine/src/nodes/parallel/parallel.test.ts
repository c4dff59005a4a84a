import { describe, expect, it } from "vitest";
import { flowOf } from "../../test-support/flows";
import { Sim } from "../../test-support/sim";

// start → p ⇉ (a, then a2) ∥ (b) → j → after → end
const flow = flowOf(
  ["start", "p:parallel", "a:approval", "a2:approval", "b:approval", "j:join", "after:approval", "end"],
  ["start>p", "p>a", "a>a2", "a2>j", "p>b", "b>j", "j>after", "after>end"],
  {
    nodes: {
      a: { assignees: [{ user: "ua" }] },
      a2: { assignees: [{ user: "ua2" }] },
      b: { assignees: [{ user: "ub" }] },
      after: { assignees: [{ user: "uz" }] },
    },
  },
);

describe("parallel split and join", () => {
  it("runs every lane at once and joins when all have arrived", async () => {
    const sim = new Sim(flow);
    await sim.start();
    expect(sim.at().sort()).toEqual(["a", "b"]);
    await sim.approve("ub");
    expect(sim.at().sort()).toEqual(["a", "j"]);
    await sim.approve("ua");
    expect(sim.at().sort()).toEqual(["a2", "j"]);
    await sim.approve("ua2");
    expect(sim.at()).toEqual(["after"]);
    const join = sim.state.visits.find((v) => v.nodeId === "j")!;
    expect(join.status).toBe("completed");
    expect(join.from).toHaveLength(2);
    await sim.approve("uz");
    expect(sim.state.status).toBe("completed");
  });

  it("a rejection in one lane rejects the instance and cancels the other lanes", async () => {
    const sim = new Sim(flow);
    await sim.start();
    await sim.approve("ub");
    await sim.act("ua", { type: "reject" });
    expect(sim.state.status).toBe("rejected");
    expect(sim.pending()).toEqual([]);
    expect(sim.state.visits.filter((v) => v.status === "active")).toEqual([]);
  });

  it("nested splits join in order", async () => {
    const nested = flowOf(
      [
        "start",
        "p:parallel",
        "q:parallel",
        "x:approval",
        "y:approval",
        "k:join",
        "z:approval",
        "j:join",
        "end",
      ],
      ["start>p", "p>q", "q>x", "q>y", "x>k", "y>k", "k>j", "p>z", "z>j", "j>end"],
      {
        nodes: {
          x: { assignees: [{ user: "ux" }] },
          y: { assignees: [{ user: "uy" }] },
          z: { assignees: [{ user: "uz" }] },
        },
      },
    );
    const sim = new Sim(nested);
    await sim.start();
    expect(sim.at().sort()).toEqual(["x", "y", "z"]);
    await sim.approve("ux");
    await sim.approve("uz");
    expect(sim.state.status).toBe("running");
    await sim.approve("uy");
    expect(sim.state.status).toBe("completed");
  });
});
