import type { FlowDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { insertOnEdge, newFlow } from "./flow-edit";
import { layoutFlow, nodeSize, withPositions } from "./layout";

function big(): FlowDefinition {
  let flow = newFlow();
  for (const kind of ["branch", "parallel", "cc"] as const) {
    const edge = flow.edges[flow.edges.length - 1];
    flow = insertOnEdge(flow, edge?.id ?? "", kind)?.flow ?? flow;
  }
  return flow;
}

function box(flow: FlowDefinition, id: string) {
  const node = flow.nodes.find((n) => n.id === id);
  if (!node?.position) throw new Error(`${id} has no position`);
  return { ...node.position, ...nodeSize(node.type) };
}

describe("layout", () => {
  it("places every target below its source", () => {
    const flow = layoutFlow(big());
    for (const edge of flow.edges) {
      const s = box(flow, edge.source);
      const t = box(flow, edge.target);
      expect(t.y, `${edge.source} → ${edge.target}`).toBeGreaterThanOrEqual(s.y + s.height);
    }
  });

  it("lets no two cards overlap", () => {
    const flow = layoutFlow(big());
    const boxes = flow.nodes.map((n) => box(flow, n.id));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it("keeps hand-placed positions and lays out only flows that lack them", () => {
    const placed = layoutFlow(newFlow());
    expect(withPositions(placed)).toBe(placed);
    expect(withPositions(newFlow()).nodes.every((n) => n.position)).toBe(true);
  });
});
