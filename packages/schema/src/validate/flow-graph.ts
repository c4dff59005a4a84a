import { type FlowGraph, incomingOf, type NodeInfo, outgoingOf } from "./flow-index";
import type { IssueList } from "./result";
import { prop } from "./tolerant";

function checkIds(graph: FlowGraph, issues: IssueList): void {
  const nodeIds = new Set<string>();
  for (const node of graph.nodes) {
    if (nodeIds.has(node.id))
      issues.add("DUPLICATE_NODE_ID", `${node.path}/id`, `another node already has the id "${node.id}"`);
    nodeIds.add(node.id);
  }
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edge.id !== undefined && edgeIds.has(edge.id)) {
      issues.add("DUPLICATE_EDGE_ID", `${edge.path}/id`, `another edge already has the id "${edge.id}"`);
    }
    if (edge.id !== undefined) edgeIds.add(edge.id);
    for (const end of ["source", "target"] as const) {
      const id = edge[end];
      if (id !== undefined && !graph.byId.has(id))
        issues.add("EDGE_UNKNOWN_NODE", `${edge.path}/${end}`, `no node has the id "${id}"`);
    }
  }
}

function checkStartAndEnd(graph: FlowGraph, starts: NodeInfo[], basePath: string, issues: IssueList): void {
  if (starts.length === 0) issues.add("START_COUNT", `${basePath}/nodes`, "the flow has no start node");
  for (const extra of starts.slice(1))
    issues.add("START_COUNT", `${extra.path}/type`, "the flow already has a start node");
  for (const start of starts) {
    for (const edge of incomingOf(graph, start.id))
      issues.add("START_HAS_INCOMING", `${edge.path}/target`, "no edge may lead into the start node");
  }
  if (!graph.nodes.some((n) => n.kind === "end"))
    issues.add("NO_END", `${basePath}/nodes`, "the flow has no end node");
}

/** Out-degree per kind, and the conditions that only branch edges carry. */
function checkOutgoing(graph: FlowGraph, issues: IssueList): void {
  for (const node of graph.byId.values()) {
    const out = outgoingOf(graph, node.id);
    if (node.kind === "end") {
      for (const edge of out)
        issues.add("END_HAS_OUTGOING", `${edge.path}/source`, "no edge may leave an end node");
    } else if (node.kind === "branch" || node.kind === "parallel") {
      if (out.length < 2)
        issues.add("SPLIT_TOO_FEW_EDGES", node.path, `a ${node.kind} node needs at least two outgoing edges`);
    } else if (out.length !== 1) {
      issues.add(
        "NODE_OUTGOING_COUNT",
        node.path,
        `a ${node.kind ?? "flow"} node needs exactly one outgoing edge, not ${out.length}`,
      );
    }
    if (node.kind === "branch") checkBranch(graph, node, issues);
    else {
      for (const edge of out) {
        if (prop(edge.raw, "when") !== undefined)
          issues.add(
            "CONDITION_OUTSIDE_BRANCH",
            `${edge.path}/when`,
            "only edges leaving a branch node carry conditions",
          );
        if (prop(edge.raw, "default") === true)
          issues.add(
            "CONDITION_OUTSIDE_BRANCH",
            `${edge.path}/default`,
            "only edges leaving a branch node can be the default",
          );
      }
    }
  }
}

function checkBranch(graph: FlowGraph, node: NodeInfo, issues: IssueList): void {
  const out = outgoingOf(graph, node.id);
  const defaults = out.filter((e) => prop(e.raw, "default") === true);
  if (defaults.length === 0 && out.length > 0)
    issues.add(
      "BRANCH_DEFAULT_COUNT",
      node.path,
      "a branch needs one default edge, taken when no condition holds",
    );
  for (const extra of defaults.slice(1))
    issues.add("BRANCH_DEFAULT_COUNT", `${extra.path}/default`, "the branch already has a default edge");
  for (const edge of out) {
    if (prop(edge.raw, "default") !== true && prop(edge.raw, "when") === undefined) {
      issues.add(
        "BRANCH_EDGE_WITHOUT_CONDITION",
        edge.path,
        "every non-default edge of a branch needs a condition (`when`)",
      );
    }
  }
}

function reach(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  while (queue.length > 0) {
    for (const target of next(queue.pop()!)) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

function checkReachability(graph: FlowGraph, starts: NodeInfo[], issues: IssueList): void {
  const forward = reach(
    starts.slice(0, 1).map((s) => s.id),
    (id) => outgoingOf(graph, id).map((e) => e.target!),
  );
  const ends = [...graph.byId.values()].filter((n) => n.kind === "end").map((n) => n.id);
  const backward = reach(ends, (id) => incomingOf(graph, id).map((e) => e.source!));
  for (const node of graph.byId.values()) {
    if (starts.length > 0 && !forward.has(node.id))
      issues.add("UNREACHABLE_NODE", node.path, `no path from the start reaches "${node.id}"`);
    if (ends.length > 0 && !backward.has(node.id))
      issues.add("DEAD_END_NODE", node.path, `no path from "${node.id}" reaches an end`);
  }
}

/** Report each edge that closes a cycle, with the cycle. Returns whether the graph is acyclic. */
function checkCycles(graph: FlowGraph, issues: IssueList): boolean {
  const state = new Map<string, "open" | "done">();
  let acyclic = true;
  for (const root of graph.byId.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const work = [{ id: root, next: 0 }];
    state.set(root, "open");
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = outgoingOf(graph, frame.id);
      if (frame.next >= out.length) {
        state.set(frame.id, "done");
        work.pop();
        path.pop();
        continue;
      }
      const edge = out[frame.next++]!;
      const target = edge.target!;
      if (state.get(target) === "open") {
        acyclic = false;
        const cycle = [...path.slice(path.indexOf(target)), target].join(" → ");
        issues.add(
          "FLOW_CYCLE",
          edge.path,
          `this edge closes a cycle ${cycle}; use the runtime "return" action instead`,
        );
      } else if (!state.has(target)) {
        state.set(target, "open");
        work.push({ id: target, next: 0 });
        path.push(target);
      }
    }
  }
  return acyclic;
}

/** Structural rules of DESIGN §2. Returns whether the graph is a DAG (parallel nesting needs one). */
export function checkFlowGraph(graph: FlowGraph, basePath: string, issues: IssueList): boolean {
  checkIds(graph, issues);
  const starts = graph.nodes.filter((n) => n.kind === "start");
  checkStartAndEnd(graph, starts, basePath, issues);
  checkOutgoing(graph, issues);
  checkReachability(graph, starts, issues);
  return checkCycles(graph, issues);
}
