import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidFieldId, nextFieldId } from "./field-ids";

describe("nextFieldId", () => {
  it("numbers ids per base from 1 and fills gaps", () => {
    expect(nextFieldId("text", [])).toBe("text_1");
    expect(nextFieldId("text", ["text_1", "text_3"])).toBe("text_2");
    expect(nextFieldId("number", ["text_1"])).toBe("number_1");
  });

  it("reduces any base to the id alphabet", () => {
    expect(nextFieldId("Order Date", [])).toBe("order_date_1");
    expect(nextFieldId("123", [])).toBe("field_1");
    expect(nextFieldId("折扣", [])).toBe("field_1");
  });

  it("always gives a valid id that is not taken", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), (base, taken) => {
        const id = nextFieldId(base, taken);
        expect(isValidFieldId(id)).toBe(true);
        expect(taken).not.toContain(id);
      }),
    );
  });
});

describe("isValidFieldId", () => {
  it("accepts the contract's id shape only", () => {
    expect(isValidFieldId("amount_2")).toBe(true);
    expect(isValidFieldId("2amount")).toBe(false);
    expect(isValidFieldId("Amount")).toBe(false);
    expect(isValidFieldId("a-b")).toBe(false);
    expect(isValidFieldId("a".repeat(65))).toBe(false);
  });
});
