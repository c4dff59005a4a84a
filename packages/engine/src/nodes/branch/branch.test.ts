import { describe, expect, it } from "vitest";
import { flowOf } from "../../test-support/flows";
import { Sim } from "../../test-support/sim";

// Edges e2..e4 leave the branch: e2 (order 2) discount > 0.3, e3 (order 1) $initiator.department = support, e4 default.
const flow = flowOf(
  ["start", "b:branch", "dir:approval", "sup:approval", "mgr:approval", "end"],
  ["start>b", "b>dir", "b>sup", "b>mgr", "dir>end", "sup>end", "mgr>end"],
  {
    nodes: {
      dir: { assignees: [{ user: "dir" }] },
      sup: { assignees: [{ user: "mgr2" }] },
      mgr: { assignees: [{ user: "mgr" }] },
    },
    edges: {
      e2: { when: { ">": [{ var: "discount" }, 0.3] }, order: 2 },
      e3: { when: { "==": [{ var: "$initiator.department" }, "support"] }, order: 1 },
      e4: { default: true },
    },
  },
);

async function route(record: Record<string, unknown>, initiator = "alice"): Promise<string[]> {
  const sim = new Sim(flow);
  await sim.start(record, initiator);
  return sim.at();
}

describe("branch node", () => {
  it("takes the first condition that holds, by order", async () => {
    expect(await route({ discount: 0.5 })).toEqual(["dir"]);
    expect(await route({ discount: 0.5 }, "carol")).toEqual(["sup"]);
  });

  it("takes the default edge when no condition holds", async () => {
    expect(await route({ discount: 0.1 })).toEqual(["mgr"]);
    expect(await route({})).toEqual(["mgr"]);
  });

  it("logs the edge it took", async () => {
    const sim = new Sim(flow);
    await sim.start({ discount: 0.9 });
    expect(sim.of("appendEvent").find((e) => e.event.action === "branch")?.event.detail).toEqual({
      edge: "e2",
      target: "dir",
    });
  });

  it("sees the record as fill nodes change it", async () => {
    const edited = flowOf(
      ["start", "f:fill", "b:branch", "x:approval", "end"],
      ["start>f", "f>b", "b>x", "b>end", "x>end"],
      {
        nodes: {
          f: { assignees: [{ user: "clerk" }], fieldPermissions: { discount: "edit" } },
          x: { assignees: [{ user: "dir" }] },
        },
        edges: { e3: { when: { ">": [{ var: "discount" }, 0.3] } }, e4: { default: true } },
      },
    );
    const sim = new Sim(edited);
    await sim.start({ discount: 0 });
    await sim.act("clerk", { type: "submit" }, { fieldEdits: { discount: 0.4 } });
    expect(sim.at()).toEqual(["x"]);
  });
});
