// The department list as antd Tree / TreeSelect nodes.
import type { Department } from "@formwork/client";
import { type DepartmentNode, departmentTree } from "@formwork/fields/react";
import type { ReactNode } from "react";

export interface TreeNode {
  key: string;
  value: string;
  title: ReactNode;
  children: TreeNode[];
  disabled?: boolean;
}

/** Nodes for Tree/TreeSelect; `title` renders each department; nodes in `disabled` (and below) are off. */
export function treeNodes(
  departments: readonly Department[],
  title: (department: Department) => ReactNode,
  disabled?: string,
): TreeNode[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const convert = (nodes: DepartmentNode[], off: boolean): TreeNode[] =>
    nodes.map((node) => {
      const isOff = off || node.id === disabled;
      return {
        key: node.id,
        value: node.id,
        title: title(byId.get(node.id)!),
        children: convert(node.children, isOff),
        ...(isOff ? { disabled: true } : {}),
      };
    });
  return convert(departmentTree(departments), false);
}
