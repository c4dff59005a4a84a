import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteFormDefinition } from "./test-support/flows";
import { issuePairs } from "./test-support/issues";
import { validateFlowDefinition } from "./validate-flow";

/** A flow block as drawn in the designer: a task, or a branch/parallel of blocks, or a sequence. */
type Block = { task: true } | { branch: Block[] } | { parallel: Block[] } | { sequence: Block[] };

const block = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant({ task: true as const }),
    fc.record({ branch: fc.array(tie("block"), { minLength: 2, maxLength: 3 }) }),
    fc.record({ parallel: fc.array(tie("block"), { minLength: 2, maxLength: 3 }) }),
    fc.record({ sequence: fc.array(tie("block"), { minLength: 1, maxLength: 3 }) }),
  ),
})).block;

/** Lay a block out as nodes and edges: every block is entered at one node and left from its exits. */
function layOut(root: Block) {
  const nodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  const node = (type: string) => {
    const id = `n${nodes.length}`;
    nodes.push({ id, type, ...(type === "approval" ? { assignees: [{ role: "r" }] } : {}) });
    return id;
  };
  const edge = (source: string, target: string, extra: Record<string, unknown> = {}) => {
    edges.push({ id: `e${edges.length}`, source, target, ...extra });
  };
  const place = (b: Block): { entry: string; exits: string[] } => {
    if ("task" in b) {
      const id = node("approval");
      return { entry: id, exits: [id] };
    }
    if ("sequence" in b) {
      const parts = b.sequence.map(place);
      parts.slice(1).forEach((part, i) => {
        for (const exit of parts[i]!.exits) edge(exit, part.entry);
      });
      return { entry: parts[0]!.entry, exits: parts.at(-1)!.exits };
    }
    if ("branch" in b) {
      const split = node("branch");
      const lanes = b.branch.map(place);
      lanes.forEach((lane, i) => {
        edge(
          split,
          lane.entry,
          i === 0 ? { default: true } : { when: { ">": [{ var: "discount" }, i / 10] }, order: i },
        );
      });
      return { entry: split, exits: lanes.flatMap((lane) => lane.exits) };
    }
    const split = node("parallel");
    const lanes = b.parallel.map(place);
    const join = node("join");
    for (const lane of lanes) {
      edge(split, lane.entry);
      for (const exit of lane.exits) edge(exit, join);
    }
    return { entry: split, exits: [join] };
  };
  const start = node("start");
  const body = place(root);
  const end = node("end");
  edge(start, body.entry);
  for (const exit of body.exits) edge(exit, end);
  return { nodes, edges };
}

describe("structured flows", () => {
  it("every flow composed of tasks, branches and properly joined parallels is valid", () => {
    fc.assert(
      fc.property(block, (b) => {
        expect(issuePairs(validateFlowDefinition(layOut(b), quoteFormDefinition()))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("redirecting one lane of a parallel straight to the end is always caught", () => {
    fc.assert(
      fc.property(block, fc.nat(), (b, pick) => {
        const f = layOut({ sequence: [{ parallel: [b, { task: true }] }] });
        const end = f.nodes.at(-1)!.id;
        const lastTask = f.nodes.filter((n) => n.type === "approval").at(-1)!.id;
        const toJoin = f.edges.filter((e) => e.source === lastTask);
        toJoin[pick % toJoin.length]!.target = end;
        const codes = issuePairs(validateFlowDefinition(f, quoteFormDefinition())).map(([code]) => code);
        expect(codes).toContain("PARALLEL_WITHOUT_JOIN");
      }),
      { numRuns: 100 },
    );
  });
});
