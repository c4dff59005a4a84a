// Which node or edge each definition issue is about, from its JSON pointer, so the canvas can outline
// the culprit instead of listing pointers.
import type { DefinitionIssue, FlowDefinition } from "@formwork/schema";

export interface FlowIssues {
  nodes: Map<string, DefinitionIssue[]>;
  edges: Map<string, DefinitionIssue[]>;
  /** Issues about the flow as a whole (no start, no end) or outside it. */
  general: DefinitionIssue[];
}

function push(map: Map<string, DefinitionIssue[]>, id: string, issue: DefinitionIssue) {
  map.set(id, [...(map.get(id) ?? []), issue]);
}

/** `base` is where the flow sits in the validated document: "/flow" in a form definition. */
export function flowIssues(
  issues: readonly DefinitionIssue[],
  flow: FlowDefinition,
  base = "/flow",
): FlowIssues {
  const result: FlowIssues = { nodes: new Map(), edges: new Map(), general: [] };
  const pattern = new RegExp(`^${base.replace(/[/]/g, "\\/")}\\/(nodes|edges)\\/(\\d+)(?:\\/|$)`);
  for (const issue of issues) {
    if (!issue.path.startsWith(base)) continue;
    const match = pattern.exec(issue.path);
    const list = match?.[1] === "nodes" ? flow.nodes : match?.[1] === "edges" ? flow.edges : undefined;
    const target = list?.[Number(match?.[2])];
    if (!target) result.general.push(issue);
    else push(match?.[1] === "nodes" ? result.nodes : result.edges, target.id, issue);
  }
  return result;
}
