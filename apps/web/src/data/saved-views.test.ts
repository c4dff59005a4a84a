import type { SavedView } from "@formwork/client";
import { describe, expect, it } from "vitest";
import { setColumnWidth } from "./grid-view";
import { defaultState, groupViews, indexProgress, sameState, stateOfView, viewContent } from "./saved-views";

const view = (patch: Partial<SavedView> = {}): SavedView => ({
  id: "v1",
  formId: "f1",
  name: "Big",
  shared: false,
  ownerId: "u1",
  filter: { ">": [{ var: "amount" }, 100] },
  sort: [{ field: "amount", direction: "desc" }],
  columns: [
    { id: "amount", visible: true, width: 120 },
    { id: "gone", visible: true },
  ],
  pageSize: 200,
  version: 1,
  canEdit: true,
  indexes: [],
  createdAt: "",
  updatedAt: "",
  ...patch,
});

describe("saved views in the grid", () => {
  it("turns a saved view into grid state (columns follow the form) and back into its content", () => {
    const state = stateOfView(view(), ["customer", "amount"]);
    expect(state).toEqual({
      filter: { ">": [{ var: "amount" }, 100] },
      sort: [{ field: "amount", direction: "desc" }],
      columns: {
        columns: [
          { id: "amount", visible: true, width: 120 },
          { id: "customer", visible: true },
        ],
      },
      pageSize: 200,
    });
    expect(viewContent(state)).toEqual({
      filter: { ">": [{ var: "amount" }, 100] },
      sort: [{ field: "amount", direction: "desc" }],
      columns: state.columns.columns,
      pageSize: 200,
    });
    expect(viewContent(defaultState(["a"])).filter).toBeNull();
  });

  it("marks changes of filter, sort, columns or page size as unsaved", () => {
    const base = stateOfView(view(), ["amount"]);
    expect(sameState(base, stateOfView(view({ name: "renamed" }), ["amount"]))).toBe(true);
    expect(sameState(base, { ...base, filter: undefined })).toBe(false);
    expect(sameState(base, { ...base, sort: [] })).toBe(false);
    expect(sameState(base, { ...base, pageSize: 50 })).toBe(false);
    expect(sameState(base, { ...base, columns: setColumnWidth(base.columns, "amount", 300) })).toBe(false);
  });

  it("lists shared views apart from personal ones and reports index builds", () => {
    const shared = view({ id: "s", shared: true });
    expect(groupViews([view(), shared])).toEqual({ shared: [shared], personal: [view()] });
    const index = { name: "i", columns: ["amount"] };
    expect(indexProgress(undefined)).toBe("ready");
    expect(indexProgress(view({ indexes: [{ ...index, status: "ready" }] }))).toBe("ready");
    expect(indexProgress(view({ indexes: [{ ...index, status: "building" }] }))).toBe("building");
    expect(
      indexProgress(
        view({
          indexes: [
            { ...index, status: "failed" },
            { ...index, status: "pending" },
          ],
        }),
      ),
    ).toBe("failed");
  });
});
