import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFormKey, suggestFormKey } from "./form-key";

describe("suggestFormKey", () => {
  it("snake-cases the Latin words of a name", () => {
    expect(suggestFormKey("Sales Quotes", [])).toBe("sales_quotes");
    expect(suggestFormKey("Café orders 2026", [])).toBe("cafe_orders_2026");
    expect(suggestFormKey("2026 budget", [])).toBe("budget");
  });

  it("falls back to form for names without Latin words", () => {
    expect(suggestFormKey("报价单", [])).toBe("form");
    expect(suggestFormKey("报价单", ["form", "form_2"])).toBe("form_3");
  });

  it("always proposes a valid key not yet taken", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 12 })), (name, taken) => {
        const key = suggestFormKey(name, taken);
        expect(isFormKey(key)).toBe(true);
        expect(taken).not.toContain(key);
      }),
    );
  });
});

describe("isFormKey", () => {
  it("matches the server's rule", () => {
    expect(isFormKey("quotes_2")).toBe(true);
    expect(isFormKey("2quotes")).toBe(false);
    expect(isFormKey("Quotes")).toBe(false);
    expect(isFormKey("a".repeat(51))).toBe(false);
  });
});
