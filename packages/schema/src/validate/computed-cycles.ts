import { pointer } from "../errors";
import { fieldKey } from "./field-index";
import type { AnalyzedFormula } from "./formulas";
import type { IssueList } from "./result";

/** Dependencies among computed fields only; a ref to a whole sub-form depends on its computed columns. */
function dependencyGraph(computed: AnalyzedFormula[]): Map<string, string[]> {
  const keys = new Set(computed.map((c) => fieldKey(c.field)));
  const graph = new Map<string, string[]>();
  for (const { field, refs } of computed) {
    const targets = new Set<string>();
    for (const ref of refs) {
      if (ref.kind === "field" && keys.has(ref.key)) targets.add(ref.key);
      if (ref.kind === "subform") {
        for (const column of ref.field.columns?.values() ?? []) {
          if (keys.has(fieldKey(column))) targets.add(fieldKey(column));
        }
      }
    }
    const key = fieldKey(field);
    if (!graph.has(key)) graph.set(key, [...targets]);
  }
  return graph;
}

/** Strongly connected components (Tarjan), iterative so a long dependency chain cannot overflow the stack. */
function components(graph: Map<string, string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of graph.keys()) {
    if (order.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    order.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!order.has(target)) {
          order.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, order.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === order.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}

/** One concrete cycle through `start` inside its component, as a list of keys ending where it began. */
function cyclePath(start: string, members: Set<string>, graph: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at))
          path.unshift(at);
        path.unshift(start);
        return path;
      }
      if (!seen.has(target)) {
        seen.add(target);
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** Report every cycle among computed fields, once on the formula of each field in it. */
export function checkComputedCycles(computed: AnalyzedFormula[], issues: IssueList): void {
  const graph = dependencyGraph(computed);
  const paths = new Map(computed.map((c) => [fieldKey(c.field), c.field.path]));
  for (const component of components(graph)) {
    const first = component[0]!;
    const cyclic = component.length > 1 || (graph.get(first) ?? []).includes(first);
    if (!cyclic) continue;
    const members = new Set(component);
    for (const key of [...component].reverse()) {
      const cycle = cyclePath(key, members, graph).join(" → ");
      issues.add(
        "COMPUTED_CYCLE",
        `${paths.get(key) ?? ""}${pointer("formula")}`,
        `computed fields depend on each other: ${cycle}`,
      );
    }
  }
}
