// The flat department list as a tree, for Tree/TreeSelect and for browsing members by department.
import type { DepartmentChoice } from "./types";

export interface DepartmentNode {
  id: string;
  name: string;
  children: DepartmentNode[];
}

/**
 * Nests departments by parent (keeping the list's order among siblings). With `roots`, only those
 * departments and their sub-departments; a department whose parent is missing becomes a root.
 */
export function departmentTree(
  list: readonly DepartmentChoice[],
  roots?: readonly string[],
): DepartmentNode[] {
  const nodes = new Map(
    list.map((d) => [d.id, { id: d.id, name: d.name, children: [] as DepartmentNode[] }]),
  );
  const top: DepartmentNode[] = [];
  for (const d of list) {
    const node = nodes.get(d.id)!;
    const parent = d.parentId === null ? undefined : nodes.get(d.parentId);
    if (parent) parent.children.push(node);
    else top.push(node);
  }
  if (!roots?.length) return top;
  return roots.map((id) => nodes.get(id)).filter((n): n is DepartmentNode => n !== undefined);
}

/** The path from the top to `id` (names for a breadcrumb), or [] when it is not in the tree. */
export function pathTo(tree: readonly DepartmentNode[], id: string): DepartmentNode[] {
  for (const node of tree) {
    if (node.id === id) return [node];
    const below = pathTo(node.children, id);
    if (below.length) return [node, ...below];
  }
  return [];
}
