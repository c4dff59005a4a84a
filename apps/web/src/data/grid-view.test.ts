import { describe, expect, it } from "vitest";
import {
  defaultView,
  loadView,
  MAX_COLUMN_WIDTH,
  moveColumn,
  saveView,
  setColumnVisible,
  setColumnWidth,
  type ViewStorage,
  viewStorageKey,
} from "./grid-view";

function memoryStorage(): ViewStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

describe("grid views", () => {
  it("round-trips order, visibility and widths per form", () => {
    const storage = memoryStorage();
    let view = defaultView(["a", "b", "c"]);
    view = moveColumn(view, "c", -2);
    view = setColumnVisible(view, "a", false);
    view = setColumnWidth(view, "b", 240.4);
    expect(saveView(storage, "form1", view)).toBe(true);
    expect(loadView(storage, "form1", ["a", "b", "c"])).toEqual({
      columns: [
        { id: "c", visible: true },
        { id: "a", visible: false },
        { id: "b", visible: true, width: 240 },
      ],
    });
    expect(loadView(storage, "form2", ["a", "b", "c"])).toEqual(defaultView(["a", "b", "c"]));
  });

  it("follows the form: new fields appended, removed ones dropped", () => {
    const storage = memoryStorage();
    saveView(storage, "f", {
      columns: [
        { id: "b", visible: false },
        { id: "gone", visible: true },
        { id: "a", visible: true },
      ],
    });
    expect(loadView(storage, "f", ["a", "b", "new"]).columns.map((c) => [c.id, c.visible])).toEqual([
      ["b", false],
      ["a", true],
      ["new", true],
    ]);
  });

  it("falls back to the default view on damaged or unreadable storage", () => {
    const storage = memoryStorage();
    for (const raw of ["{", "null", '{"columns":3}', "[1,2]"]) {
      storage.items.set(viewStorageKey("f"), raw);
      expect(loadView(storage, "f", ["a"])).toEqual(defaultView(["a"]));
    }
    storage.items.set(
      viewStorageKey("f"),
      '{"columns":[{"id":"a","visible":"yes"},{"id":"a","visible":false,"width":1e9}]}',
    );
    expect(loadView(storage, "f", ["a"])).toEqual({
      columns: [{ id: "a", visible: false, width: MAX_COLUMN_WIDTH }],
    });
    const broken: ViewStorage = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("full");
      },
    };
    expect(loadView(broken, "f", ["a"])).toEqual(defaultView(["a"]));
    expect(saveView(broken, "f", defaultView(["a"]))).toBe(false);
    expect(loadView(undefined, "f", ["a"])).toEqual(defaultView(["a"]));
  });

  it("moves columns within bounds", () => {
    const view = defaultView(["a", "b", "c"]);
    expect(moveColumn(view, "a", -1).columns.map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(moveColumn(view, "a", 5).columns.map((c) => c.id)).toEqual(["b", "c", "a"]);
    expect(moveColumn(view, "zz", 1)).toBe(view);
  });
});
