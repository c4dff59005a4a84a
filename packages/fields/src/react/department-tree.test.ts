import { describe, expect, it } from "vitest";
import { departmentTree, pathTo } from "./department-tree";

const list = [
  { id: "hq", parentId: null, name: "HQ" },
  { id: "sales", parentId: "hq", name: "Sales" },
  { id: "east", parentId: "sales", name: "East" },
  { id: "rnd", parentId: "hq", name: "R&D" },
  { id: "orphan", parentId: "gone", name: "Orphan" },
];

describe("departmentTree", () => {
  it("nests by parent in list order; a missing parent makes a root", () => {
    const tree = departmentTree(list);
    expect(tree.map((n) => n.id)).toEqual(["hq", "orphan"]);
    expect(tree[0]?.children.map((n) => n.id)).toEqual(["sales", "rnd"]);
    expect(tree[0]?.children[0]?.children.map((n) => n.id)).toEqual(["east"]);
  });

  it("starts at the given roots", () => {
    expect(departmentTree(list, ["sales", "nope"]).map((n) => n.id)).toEqual(["sales"]);
  });

  it("finds the path to a department", () => {
    expect(pathTo(departmentTree(list), "east").map((n) => n.name)).toEqual(["HQ", "Sales", "East"]);
    expect(pathTo(departmentTree(list), "nope")).toEqual([]);
  });
});
