import { analyzeFormula } from "./analyze";

export interface ComputedFieldSource {
  id: string;
  formula?: string;
  /** The columns of a sub-form field. */
  subformColumns?: { id: string; formula?: string }[];
}

export interface ComputationOrder {
  /** Computed fields (sub-form columns as `sub.col`), each after everything its formula reads. */
  order: string[];
  /** One closed path per group of mutually dependent fields, e.g. ["a", "b", "a"]. */
  cycles: string[][];
  /**
   * What each computed field's formula reads, stored or computed, with a column formula's sibling
   * ids resolved to `sub.col`: a write that changes none of them need not recompute the field.
   */
  inputs: Record<string, string[]>;
}

interface DependencyGraph {
  /** Computed field → the computed fields it reads. */
  edges: Map<string, string[]>;
  inputs: Record<string, string[]>;
}

/**
 * Which computed fields each computed field reads. In a column formula a bare id names a sibling
 * column of the same row first (`price * qty` inside `items`), then a top-level field. A ref to a
 * whole sub-form (`items`) reads all of its computed columns.
 */
function dependencyGraph(fields: ComputedFieldSource[]): DependencyGraph {
  const formulas = new Map<string, { formula: string; subform?: string }>();
  const computedColumns = new Map<string, string[]>();
  const columnsOf = new Map<string, Set<string>>();
  for (const field of fields) {
    if (field.formula !== undefined) formulas.set(field.id, { formula: field.formula });
    if (!field.subformColumns) continue;
    columnsOf.set(field.id, new Set(field.subformColumns.map((column) => column.id)));
    const computed: string[] = [];
    for (const column of field.subformColumns) {
      if (column.formula === undefined) continue;
      const path = `${field.id}.${column.id}`;
      formulas.set(path, { formula: column.formula, subform: field.id });
      computed.push(path);
    }
    computedColumns.set(field.id, computed);
  }

  const edges = new Map<string, string[]>();
  const inputs: [string, string[]][] = [];
  for (const [id, { formula, subform }] of formulas) {
    const dependencies = new Set<string>();
    const resolvedRefs: string[] = [];
    for (const ref of analyzeFormula(formula).refs) {
      const resolved =
        subform !== undefined && !ref.includes(".") && columnsOf.get(subform)?.has(ref)
          ? `${subform}.${ref}`
          : ref;
      resolvedRefs.push(resolved);
      for (const target of computedColumns.get(resolved) ?? [resolved]) {
        if (formulas.has(target)) dependencies.add(target);
      }
    }
    edges.set(id, [...dependencies]);
    inputs.push([id, [...new Set(resolvedRefs)]]);
  }
  return { edges, inputs: Object.fromEntries(inputs) };
}

/** Tarjan's strongly connected components, iteratively so a long chain of fields cannot overflow the stack. */
function stronglyConnected(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node)!;
      if (frame.next < edges.length) {
        const target = edges[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** The shortest closed path from `start` back to itself inside one component (breadth-first). */
function cycleThrough(start: string, members: Set<string>, graph: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const target of graph.get(node)!) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.push(at);
        path.push(start);
        // Built backwards; reversed it reads "start depends on ..., which depends on start".
        return path.reverse();
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/**
 * The order to compute fields in and every dependency cycle. Fields on a cycle are left out of the
 * order (they cannot be computed); the rest come in definition order except where a dependency must
 * go first. Formulas with syntax errors contribute no dependencies.
 */
export function computeOrder(fields: ComputedFieldSource[]): ComputationOrder {
  const { edges: graph, inputs } = dependencyGraph(fields);
  const cyclic = new Set<string>();
  const cycles: string[][] = [];
  const definitionOrder = [...graph.keys()];
  const position = new Map(definitionOrder.map((id, i) => [id, i]));
  for (const component of stronglyConnected(graph)) {
    const only = component[0]!;
    if (component.length === 1 && !graph.get(only)!.includes(only)) continue;
    const members = new Set(component);
    for (const member of component) cyclic.add(member);
    const start = component.reduce((a, b) => (position.get(a)! <= position.get(b)! ? a : b));
    cycles.push(cycleThrough(start, members, graph));
  }
  cycles.sort((a, b) => position.get(a[0]!)! - position.get(b[0]!)!);

  // Depth-first post-order over the acyclic rest: dependencies are emitted before their dependents.
  const order: string[] = [];
  const done = new Set<string>(cyclic);
  for (const root of definitionOrder) {
    if (done.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    done.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node)!;
      if (frame.next < edges.length) {
        const target = edges[frame.next++]!;
        if (!done.has(target)) {
          done.add(target);
          work.push({ node: target, next: 0 });
        }
        continue;
      }
      work.pop();
      order.push(frame.node);
    }
  }
  return { order, cycles, inputs };
}
