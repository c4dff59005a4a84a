import { NODE_KINDS, type NodeKind } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import type { EngineFlow, TaskAction } from "../model";
import { flowOf } from "../test-support/flows";
import { Sim } from "../test-support/sim";
import { NODE_HANDLERS } from "./registry";

/** For every kind, the smallest valid flow that runs through it. A new kind fails to compile here. */
const FIXTURES: Record<NodeKind, EngineFlow> = {
  start: flowOf(["start", "end"], ["start>end"]),
  approval: flowOf(["start", "x:approval", "end"], ["start>x", "x>end"]),
  fill: flowOf(["start", "x:fill", "end"], ["start>x", "x>end"]),
  cc: flowOf(["start", "x:cc", "end"], ["start>x", "x>end"]),
  branch: flowOf(["start", "x:branch", "a:approval", "end"], ["start>x", "x>a", "x>end", "a>end"], {
    edges: { e2: { when: { ">": [{ var: "amount" }, 10] }, order: 1 }, e3: { default: true } },
  }),
  parallel: flowOf(
    ["start", "x:parallel", "a:approval", "b:fill", "j:join", "end"],
    ["start>x", "x>a", "x>b", "a>j", "b>j", "j>end"],
  ),
  join: flowOf(
    ["start", "p:parallel", "a:cc", "b:cc", "x:join", "end"],
    ["start>p", "p>a", "p>b", "a>x", "b>x", "x>end"],
  ),
  end: flowOf(["start", "x:end"], ["start>x"]),
};

const ACTIONS = new Set<TaskAction["type"]>([
  "approve",
  "submit",
  "reject",
  "return",
  "transfer",
  "addSigner",
]);

/** The action that moves a task of this kind forward. */
const forward = (kind: NodeKind): TaskAction => ({ type: kind === "approval" ? "approve" : "submit" });

describe.each(NODE_KINDS)("node kind %s", (kind) => {
  it("has a handler whose actions are task actions", () => {
    expect(NODE_HANDLERS[kind]).toBeDefined();
    for (const action of NODE_HANDLERS[kind].actions) expect(ACTIONS.has(action)).toBe(true);
  });

  it.each([{ amount: 20 }, { amount: 1 }])(
    "runs to the end when every task moves forward (%o)",
    async (record) => {
      const sim = new Sim(FIXTURES[kind]);
      await sim.start(record);
      for (let i = 0; i < 20 && sim.state.status === "running"; i++) {
        const task = sim.pending()[0]!;
        const visit = sim.state.visits.find((v) => v.id === task.visitId)!;
        await sim.run({ type: "act", taskId: task.id, actor: task.assignee, action: forward(visit.kind) });
      }
      expect(sim.state.status).toBe("completed");
      const ours = sim.state.visits.filter((v) => v.kind === kind);
      expect(ours.length).toBeGreaterThanOrEqual(1);
      for (const visit of sim.state.visits) {
        expect(visit.status).toBe("completed");
        expect(sim.of("leaveNode").filter((e) => e.visit.id === visit.id)).toHaveLength(1);
        expect(sim.of("enterNode").filter((e) => e.visit.id === visit.id)).toHaveLength(1);
      }
      if (NODE_HANDLERS[kind].actions.length === 0)
        expect(
          sim.state.tasks.filter((t) => sim.state.visits.find((v) => v.id === t.visitId)?.kind === kind),
        ).toEqual([]);
    },
  );
});
