import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("cursors", () => {
  it("round-trips", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))),
        fc.uuid(),
        (values, id) => {
          const cursor = encodeCursor("f_a:asc", [...values, id]);
          expect(decodeCursor(cursor, "f_a:asc", values.length + 1)).toEqual([...values, id]);
        },
      ),
    );
  });
  it("refuses garbage and cursors of another sort", () => {
    const cursor = encodeCursor("f_a:asc", [1, "x"]);
    expect(() => decodeCursor(cursor, "f_a:desc", 2)).toThrow(/cursor/);
    expect(() => decodeCursor(cursor, "f_a:asc", 3)).toThrow(/cursor/);
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          decodeCursor(text, "x", 1);
        } catch (error) {
          expect((error as { code?: string }).code).toBe("BAD_REQUEST");
        }
      }),
    );
  });
});
