import { validateDefinition } from "@formwork/fields";
import { describe, expect, it } from "vitest";
import { insertOnEdge, newFlow, updateNode } from "./flow-edit";
import { flowIssues } from "./flow-issues";
import { quoteForm } from "./test-form";

describe("flow issues", () => {
  it("land on the node or edge their pointer names", () => {
    const inserted = insertOnEdge(newFlow(), "e_1", "branch");
    if (!inserted) throw new Error("insert failed");
    const flow = updateNode(inserted.flow, "approval_1", {
      assignees: [],
      // biome-ignore lint/suspicious/noThenProperty: the Deadline type of the contract names its action `then`
      deadline: { after: "2 days", then: "remind" },
    });
    const result = validateDefinition(quoteForm(flow));
    if (result.ok) throw new Error("expected issues");
    const mapped = flowIssues(result.issues, flow);
    expect(
      mapped.nodes
        .get("approval_1")
        ?.map((i) => i.code)
        .sort(),
    ).toEqual(["INVALID_DURATION", "NO_ASSIGNEES"]);
    const lane = flow.edges.find((e) => e.source === inserted.id && !e.default);
    expect(mapped.edges.get(lane?.id ?? "")?.map((i) => i.code)).toEqual(["BRANCH_EDGE_WITHOUT_CONDITION"]);
    expect(mapped.general).toEqual([]);
  });

  it("keeps flow-wide issues apart and ignores the form's own", () => {
    const flow = { nodes: [{ id: "start", type: "start" as const }], edges: [] };
    const issues = [
      { code: "NO_END", path: "/flow/nodes", message: "no end" },
      { code: "UNKNOWN_FIELD_REF", path: "/fields/0/formula", message: "x" },
    ];
    const mapped = flowIssues(issues, flow);
    expect(mapped.general.map((i) => i.code)).toEqual(["NO_END"]);
    expect(mapped.nodes.size + mapped.edges.size).toBe(0);
  });
});
