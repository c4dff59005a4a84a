import { type EdgeInfo, type FlowGraph, incomingOf, type NodeInfo, outgoingOf } from "./flow-index";
import type { IssueList } from "./result";

interface SplitRegion {
  /** Joins reached at the split's own nesting level: a well-formed split reaches exactly one. */
  joins: Set<string>;
  /** Edges by which the split's paths arrive at those joins. */
  arrivals: Set<EdgeInfo>;
  /** Nodes strictly between the split and its join (nested splits and joins included). */
  inside: Set<string>;
  /** A node where a path stopped before any join (an end). */
  escape: NodeInfo | undefined;
}

/**
 * Follow every path of one lane (an outgoing edge of a split), counting nested splits and joins, until
 * each path meets a join at the split's own level. Needs an acyclic graph (checked first), so every walk ends.
 */
function walkLane(graph: FlowGraph, laneStart: EdgeInfo, region: SplitRegion): Set<string> {
  const lane = new Set<string>();
  const visited = new Set<string>();
  const work = [{ edge: laneStart, level: 0 }];
  while (work.length > 0) {
    const { edge, level } = work.pop()!;
    const target = graph.byId.get(edge.target!);
    if (!target) continue;
    if (target.kind === "join" && level === 0) {
      region.joins.add(target.id);
      region.arrivals.add(edge);
      continue;
    }
    const out = outgoingOf(graph, target.id);
    if (target.kind === "end" || out.length === 0) {
      region.escape ??= target;
      continue;
    }
    lane.add(target.id);
    const next = target.kind === "parallel" ? level + 1 : target.kind === "join" ? level - 1 : level;
    const key = `${target.id}\u0000${next}`;
    if (visited.has(key)) continue;
    visited.add(key);
    for (const e of out) work.push({ edge: e, level: next });
  }
  return lane;
}

function walkRegion(graph: FlowGraph, split: NodeInfo): SplitRegion & { merged: Set<string> } {
  const region: SplitRegion & { merged: Set<string> } = {
    joins: new Set(),
    arrivals: new Set(),
    inside: new Set(),
    escape: undefined,
    merged: new Set(),
  };
  for (const edge of outgoingOf(graph, split.id)) {
    for (const id of walkLane(graph, edge, region)) {
      // Lanes run concurrently: a node two lanes share would run once per lane.
      if (region.inside.has(id)) region.merged.add(id);
      region.inside.add(id);
    }
  }
  return region;
}

/**
 * Every parallel split has one matching join: all its paths meet at the same join before anything else,
 * nothing enters its lanes from outside, and each join is fed only by the paths of one split.
 */
export function checkParallelNesting(graph: FlowGraph, issues: IssueList): void {
  const splitsOfJoin = new Map<string, NodeInfo[]>();
  const arrivals = new Set<EdgeInfo>();
  for (const split of graph.byId.values()) {
    if (split.kind !== "parallel") continue;
    const region = walkRegion(graph, split);
    if (region.escape) {
      issues.add(
        "PARALLEL_WITHOUT_JOIN",
        split.path,
        `a path from "${split.id}" reaches "${region.escape.id}" before any join`,
      );
    } else if (region.joins.size === 0) {
      issues.add("PARALLEL_WITHOUT_JOIN", split.path, `the paths from "${split.id}" never reach a join`);
    }
    // Report where lanes first meet, not every node after that point.
    const firstMeetings = [...region.merged].filter((id) =>
      incomingOf(graph, id).every((edge) => !region.merged.has(edge.source!)),
    );
    for (const id of firstMeetings) {
      const node = graph.byId.get(id)!;
      issues.add(
        "PARALLEL_NOT_NESTED",
        node.path,
        `lanes of "${split.id}" meet at "${id}" before their join`,
      );
    }
    if (region.joins.size > 1) {
      issues.add(
        "PARALLEL_NOT_NESTED",
        split.path,
        `the paths from "${split.id}" meet at different joins: ${[...region.joins].join(", ")}`,
      );
    }
    for (const id of region.inside) {
      for (const edge of incomingOf(graph, id)) {
        if (edge.source !== split.id && !region.inside.has(edge.source!)) {
          issues.add(
            "PARALLEL_NOT_NESTED",
            edge.path,
            `this edge enters the parallel lanes of "${split.id}" from outside`,
          );
        }
      }
    }
    for (const join of region.joins) splitsOfJoin.set(join, [...(splitsOfJoin.get(join) ?? []), split]);
    for (const edge of region.arrivals) arrivals.add(edge);
  }
  for (const join of graph.byId.values()) {
    if (join.kind !== "join") continue;
    const splits = splitsOfJoin.get(join.id) ?? [];
    if (splits.length === 0) {
      issues.add("JOIN_WITHOUT_SPLIT", join.path, `no parallel split leads to join "${join.id}"`);
    } else if (splits.length > 1) {
      issues.add(
        "JOIN_WITHOUT_SPLIT",
        join.path,
        `join "${join.id}" closes several splits: ${splits.map((s) => s.id).join(", ")}`,
      );
    } else {
      for (const edge of incomingOf(graph, join.id)) {
        if (!arrivals.has(edge))
          issues.add(
            "JOIN_WITHOUT_SPLIT",
            edge.path,
            `this edge reaches join "${join.id}" from outside its split "${splits[0]!.id}"`,
          );
      }
    }
  }
}
