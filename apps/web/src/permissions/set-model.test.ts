import type { PermissionSet } from "@formwork/client";
import { describe, expect, it } from "vitest";
import { actionsOf, draftOf, emptyDraft, inputOf, levelOf, levelsFor } from "./set-model";

describe("permission set editor model", () => {
  it("a preset sends no actions or condition; a custom set sends its own", () => {
    const draft = { ...emptyDraft(), name: " Reps ", users: ["u1"], departments: ["d1"], roles: ["r1"] };
    expect(inputOf(draft)).toEqual({
      name: "Reps",
      kind: "submit_own",
      fields: {},
      members: [
        { type: "user", id: "u1" },
        { type: "department", id: "d1", includeSub: true },
        { type: "role", id: "r1" },
      ],
    });
    const custom = {
      ...draft,
      kind: "custom" as const,
      actions: ["view" as const],
      rowCondition: { "==": [1, 1] },
    };
    expect(inputOf(custom)).toMatchObject({ actions: ["view"], rowCondition: { "==": [1, 1] } });
  });

  it("levels follow the actions: no edit level in a read-only set", () => {
    const view = {
      ...emptyDraft(),
      kind: "view_all" as const,
      fields: { a: "edit" as const, b: "hidden" as const },
    };
    expect(actionsOf(view)).toEqual(["view", "comment"]);
    expect(levelsFor(view)).toEqual(["hidden", "view"]);
    expect(levelOf(view, "c")).toBe("view");
    expect(inputOf(view).fields).toEqual({ b: "hidden" });
    expect(levelOf(emptyDraft(), "c")).toBe("edit");
  });

  it("reads a stored set back into the pickers' shape", () => {
    const set: PermissionSet = {
      id: "s",
      formId: "f",
      name: "n",
      kind: "custom",
      actions: ["view"],
      fields: {},
      rowCondition: null,
      members: [
        { type: "department", id: "d", includeSub: false },
        { type: "user", id: "u" },
      ],
      sortOrder: 0,
      version: 1,
      createdAt: "",
      updatedAt: "",
    };
    expect(draftOf(set)).toMatchObject({ users: ["u"], departments: ["d"], includeSub: false, roles: [] });
    expect(draftOf(set).everyone).toBe(false);
  });

  it("all members (全部成员) round-trips as a member with no id", () => {
    const draft = { ...emptyDraft(), name: "Everyone", everyone: true, roles: ["r"] };
    expect(inputOf(draft).members).toEqual([{ type: "all" }, { type: "role", id: "r" }]);
    const back = draftOf({
      id: "s",
      formId: "f",
      sortOrder: 0,
      version: 1,
      createdAt: "",
      updatedAt: "",
      ...inputOf(draft),
      fields: {},
      members: inputOf(draft).members ?? [],
      actions: [],
      rowCondition: null,
    });
    expect(back).toMatchObject({ everyone: true, roles: ["r"], users: [], departments: [] });
    expect(inputOf(emptyDraft()).members).toEqual([]);
  });
});
