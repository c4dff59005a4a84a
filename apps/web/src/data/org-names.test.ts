import type { FormRecord, Revision } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { chunks, collectOrgIds, diffRecords, type OrgNames, orgText } from "./org-names";
import { cellText, gridColumns } from "./record-columns";

const definition: FormDefinition = {
  key: "deals",
  name: "Deals",
  fields: [
    { id: "title", type: "text", label: "Title" },
    { id: "rep", type: "member", label: "Rep" },
    { id: "team", type: "members", label: "Team" },
    { id: "dept", type: "department", label: "Dept" },
    { id: "depts", type: "departments", label: "Depts" },
  ],
};
const columns = gridColumns(definition);
const record = (data: Record<string, unknown>): FormRecord =>
  ({ id: "r", version: 1, createdAt: "", updatedAt: "", data }) as unknown as FormRecord;
const names: OrgNames = {
  member: new Map([
    ["u1", "王芳"],
    ["u2", "Li Lei"],
  ]),
  department: new Map([["d1", "销售部"]]),
  missing: { member: "former member", department: "deleted department" },
  loading: "…",
};
const column = (id: string) => columns.find((c) => c.id === id)!;

describe("collectOrgIds", () => {
  it("collects each distinct member and department id of the page once, sorted, ignoring other fields", () => {
    const ids = collectOrgIds(
      [
        record({ title: "u9", rep: "u2", team: ["u1", "u2"], dept: "d2", depts: ["d1", "d2"] }),
        record({ rep: "u1", team: null, dept: null, depts: [] }),
        record({ rep: "", team: ["u3", 7] }),
      ],
      columns,
    );
    expect(ids).toEqual({ member: ["u1", "u2", "u3"], department: ["d1", "d2"] });
  });

  it("collects the ids on both sides of history diffs", () => {
    const diffs: Revision["diff"][] = [
      { rep: { from: "u1", to: "u2" } },
      { depts: { from: null, to: ["d1"] }, title: { from: "a", to: "b" } },
    ];
    expect(collectOrgIds(diffRecords(diffs), columns)).toEqual({ member: ["u1", "u2"], department: ["d1"] });
  });

  it("is empty for a page without org values", () => {
    expect(collectOrgIds([record({ title: "x" })], columns)).toEqual({ member: [], department: [] });
  });
});

describe("orgText and cellText", () => {
  it("shows names, a former member for an unknown id, and the field's separator", () => {
    const r = record({ rep: "u1", team: ["u1", "gone", "u2"], dept: "d1", depts: ["d1", "old"] });
    expect(cellText(r, column("rep"), "zh-CN", names)).toBe("王芳");
    expect(cellText(r, column("team"), "zh-CN", names)).toBe("王芳、former member、Li Lei");
    expect(cellText(r, column("team"), "en", names)).toBe("王芳, former member, Li Lei");
    expect(cellText(r, column("dept"), "en", names)).toBe("销售部");
    expect(cellText(r, column("depts"), "en", names)).toBe("销售部, deleted department");
  });

  it("blank stays blank; loading shows the loading text; a failed look-up falls back to the ids", () => {
    expect(orgText(null, column("rep").field, names, ", ")).toBe("");
    expect(orgText([], column("team").field, names, ", ")).toBe("");
    const loading: OrgNames = { ...names, member: "loading" };
    expect(cellText(record({ rep: "u1" }), column("rep"), "en", loading)).toBe("…");
    const failed: OrgNames = { missing: names.missing, loading: "…" };
    expect(cellText(record({ team: ["u1", "u2"] }), column("team"), "en", failed)).toBe("u1, u2");
    expect(orgText("x", column("title").field, names, ", ")).toBeNull();
    expect(cellText(record({ title: "u1" }), column("title"), "en", names)).toBe("u1");
  });
});

describe("chunks", () => {
  it("splits ids into batches the member API accepts", () => {
    expect(chunks(["a", "b", "c", "d", "e"], 2)).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(chunks([], 200)).toEqual([]);
  });
});
