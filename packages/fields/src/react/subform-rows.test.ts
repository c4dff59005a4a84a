import { describe, expect, it } from "vitest";
import { type Row, rowWriter } from "./subform-rows";

describe("sub-form row writes", () => {
  it("a pick and its fill in one event both land in the row (the fill does not undo the pick)", () => {
    const written: Row[][] = [];
    const writer = rowWriter((rows) => written.push(rows));
    writer.seen([{ qty: 2 }, { qty: 5 }]);
    writer.patch(1, { product: "p1" });
    writer.patch(1, { list_price: 19800 });
    expect(written.at(-1)).toEqual([{ qty: 2 }, { qty: 5, product: "p1", list_price: 19800 }]);
    // A render in between shows the writer the rows React holds then.
    writer.seen([{ qty: 3 }]);
    writer.patch(0, { qty: 4 });
    expect(written.at(-1)).toEqual([{ qty: 4 }]);
    writer.set([]);
    writer.patch(0, { qty: 1 });
    expect(written.at(-1)).toEqual([]);
  });
});
