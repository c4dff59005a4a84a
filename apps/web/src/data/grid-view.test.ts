import { describe, expect, it } from "vitest";
import {
  defaultView,
  MAX_COLUMN_WIDTH,
  moveColumn,
  setColumnVisible,
  setColumnWidth,
  viewFromColumns,
} from "./grid-view";

describe("grid view columns", () => {
  it("round-trips order, visibility and widths through a saved view's list", () => {
    let view = defaultView(["a", "b", "c"]);
    view = moveColumn(view, "c", -2);
    view = setColumnVisible(view, "a", false);
    view = setColumnWidth(view, "b", 240.4);
    expect(viewFromColumns(JSON.parse(JSON.stringify(view.columns)), ["a", "b", "c"])).toEqual({
      columns: [
        { id: "c", visible: true },
        { id: "a", visible: false },
        { id: "b", visible: true, width: 240 },
      ],
    });
    expect(viewFromColumns([], ["a", "b", "c"])).toEqual(defaultView(["a", "b", "c"]));
  });

  it("follows the form: new fields appended, removed ones dropped", () => {
    const list = [
      { id: "b", visible: false },
      { id: "gone", visible: true },
      { id: "a", visible: true },
    ];
    expect(viewFromColumns(list, ["a", "b", "new"]).columns.map((c) => [c.id, c.visible])).toEqual([
      ["b", false],
      ["a", true],
      ["new", true],
    ]);
  });

  it("falls back to the default columns on a damaged list", () => {
    for (const raw of [null, 3, "x", {}]) expect(viewFromColumns(raw, ["a"])).toEqual(defaultView(["a"]));
    expect(
      viewFromColumns(
        [
          { id: "a", visible: "yes" },
          { id: "a", visible: false, width: 1e9 },
        ],
        ["a"],
      ),
    ).toEqual({ columns: [{ id: "a", visible: false, width: MAX_COLUMN_WIDTH }] });
  });

  it("moves columns within bounds", () => {
    const view = defaultView(["a", "b", "c"]);
    expect(moveColumn(view, "a", -1).columns.map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(moveColumn(view, "a", 5).columns.map((c) => c.id)).toEqual(["b", "c", "a"]);
    expect(moveColumn(view, "zz", 1)).toBe(view);
  });
});
