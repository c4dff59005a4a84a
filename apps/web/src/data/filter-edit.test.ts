import { describe, expect, it } from "vitest";
import { addCondition, addGroup, removeItem, setMatch, updateItem } from "./filter-edit";
import { emptyFilter, type FilterGroup, groupToLogic } from "./filter-model";

describe("filter panel edits", () => {
  it("builds 'status is open and (region is east or amount > 100)' step by step", () => {
    let draft: FilterGroup = addCondition(emptyFilter());
    draft = updateItem(draft, [0], () => ({ field: "status", op: "eq", value: "open" }));
    draft = addGroup(draft);
    draft = updateItem(draft, [1, 0], () => ({ field: "region", op: "eq", value: "east" }));
    draft = addCondition(draft, [1]);
    draft = updateItem(draft, [1, 1], () => ({ field: "amount", op: "gt", value: 100 }));
    expect(groupToLogic(draft)).toEqual({
      and: [
        { "==": [{ var: "status" }, "open"] },
        { or: [{ "==": [{ var: "region" }, "east"] }, { ">": [{ var: "amount" }, 100] }] },
      ],
    });

    draft = setMatch(draft, [1], "all");
    draft = setMatch(draft, [], "any");
    expect(groupToLogic(draft)).toEqual({
      or: [
        { "==": [{ var: "status" }, "open"] },
        { and: [{ "==": [{ var: "region" }, "east"] }, { ">": [{ var: "amount" }, 100] }] },
      ],
    });
    draft = removeItem(draft, [1, 0]);
    draft = removeItem(draft, [0]);
    expect(groupToLogic(draft)).toEqual({ or: [{ and: [{ ">": [{ var: "amount" }, 100] }] }] });
  });

  it("leaves everything else untouched (new objects only along the edited path)", () => {
    const draft = addGroup(addCondition(emptyFilter()));
    const edited = updateItem(draft, [1, 0], () => ({ field: "x", op: "empty" }));
    expect(edited.items[0]).toBe(draft.items[0]);
    expect(edited).not.toBe(draft);
    expect(draft.items[1]).toEqual({ match: "any", items: [{ field: "", op: "eq" }] });
  });
});
