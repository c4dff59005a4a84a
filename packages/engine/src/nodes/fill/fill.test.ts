import { describe, expect, it } from "vitest";
import { EngineError } from "../../errors";
import { flowOf } from "../../test-support/flows";
import { Sim } from "../../test-support/sim";

const flow = flowOf(["start", "f:fill", "a:approval", "end"], ["start>f", "f>a", "a>end"], {
  nodes: {
    f: {
      assignees: [{ user: "clerk" }],
      fieldPermissions: { reason: "edit", amount: "view", title: "hidden" },
    },
    a: { assignees: [{ user: "mgr" }], fieldPermissions: { discount: "edit" } },
  },
});

describe("fill node", () => {
  it("the handler submits their editable fields: the record updates and later nodes see it", async () => {
    const sim = new Sim(flow);
    await sim.start({ amount: 5, title: "T" });
    await sim.act("clerk", { type: "submit" }, { fieldEdits: { reason: "because", amount: 5 } });
    expect(sim.of("updateRecord")).toEqual([{ type: "updateRecord", fields: { reason: "because" } }]);
    expect(sim.state.record).toMatchObject({ amount: 5, title: "T", reason: "because" });
    expect(sim.at()).toEqual(["a"]);
  });

  it("refuses edits outside the editable fields with one detail per field", async () => {
    const sim = new Sim(flow);
    await sim.start({ amount: 5 });
    const refused = await sim
      .act("clerk", { type: "submit" }, { fieldEdits: { amount: 6, title: "x", nope: 1 } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EngineError);
    const error = refused as EngineError;
    expect([error.reason, error.status]).toEqual(["EDIT_NOT_ALLOWED", 403]);
    expect(error.details.map((d) => d.path)).toEqual([
      "/fieldEdits/amount",
      "/fieldEdits/title",
      "/fieldEdits/nope",
    ]);
    expect(sim.pending().map((t) => t.assignee)).toEqual(["clerk"]);
  });

  it("cannot approve or reject, only submit", async () => {
    const sim = new Sim(flow);
    await sim.start();
    for (const type of ["approve", "reject"] as const)
      await expect(sim.act("clerk", { type })).rejects.toMatchObject({
        reason: "ACTION_NOT_ALLOWED",
        status: 422,
      });
  });

  it("approvers may edit their editable fields when they approve", async () => {
    const sim = new Sim(flow);
    await sim.start();
    await sim.act("clerk", { type: "submit" });
    await sim.approve("mgr", { fieldEdits: { discount: 0.1 } });
    expect(sim.state.record.discount).toBe(0.1);
    expect(sim.state.status).toBe("completed");
  });

  it("edits go only with approve or submit", async () => {
    const sim = new Sim(flow);
    await sim.start();
    await sim.act("clerk", { type: "submit" });
    await expect(sim.act("mgr", { type: "reject" }, { fieldEdits: { discount: 0.1 } })).rejects.toMatchObject(
      { reason: "ACTION_NOT_ALLOWED" },
    );
  });

  it("a sub-form column hidden from the handler survives their edit", async () => {
    const hiding = flowOf(["start", "f:fill", "end"], ["start>f", "f>end"], {
      nodes: {
        f: { assignees: [{ user: "clerk" }], fieldPermissions: { items: "edit", "items.price": "hidden" } },
      },
    });
    const sim = new Sim(hiding);
    await sim.start({ items: [{ id: "r1", price: 7, qty: 1 }] });
    await sim.act("clerk", { type: "submit" }, { fieldEdits: { items: [{ id: "r1", qty: 3 }] } });
    expect(sim.of("updateRecord")).toEqual([
      { type: "updateRecord", fields: { items: [{ id: "r1", qty: 3, price: 7 }] } },
    ]);
  });
});
