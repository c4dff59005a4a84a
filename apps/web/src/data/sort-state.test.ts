import { describe, expect, it } from "vitest";
import { nextSort, sortOrderOf, sortPriority } from "./sort-state";

describe("multi-sort state", () => {
  it("keeps click order: the newest column sorts last", () => {
    let sort = nextSort([], [{ field: "b", order: "ascend" }]);
    sort = nextSort(sort, [
      { field: "a", order: "descend" },
      { field: "b", order: "ascend" },
    ]);
    expect(sort).toEqual([
      { field: "b", direction: "asc" },
      { field: "a", direction: "desc" },
    ]);
    expect(sortPriority(sort, "b")).toBeGreaterThan(sortPriority(sort, "a"));
    expect(sortPriority(sort, "c")).toBe(0);
    expect(sortOrderOf(sort, "a")).toBe("descend");
  });

  it("changes direction in place and drops cleared columns", () => {
    const sort = nextSort(
      [
        { field: "a", direction: "asc" },
        { field: "b", direction: "asc" },
      ],
      [
        { field: "a", order: null },
        { field: "b", order: "descend" },
      ],
    );
    expect(sort).toEqual([{ field: "b", direction: "desc" }]);
  });
});
