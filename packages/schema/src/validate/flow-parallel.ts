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
 * Follow every path from a parallel split, counting nested splits and joins, until each path meets a
 * join at the split's own level. Needs an acyclic graph (checked first), so every walk ends.
 */
function walkRegion(graph: FlowGraph, split: NodeInfo): SplitRegion {
  const region: SplitRegion = { joins: new Set(), arrivals: new Set(), inside: new Set(), escape: undefined };
  const visited = new Set<string>();
  const work = outgoingOf(graph, split.id).map((edge) => ({ edge, level: 0 }));
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
    region.inside.add(target.id);
    const next = target.kind === "parallel" ? level + 1 : target.kind === "join" ? level - 1 : level;
    const key = `${target.id}\u0000${next}`;
    if (visited.has(key)) continue;
    visited.add(key);
    for (const e of out) work.push({ edge: e, level: next });
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
