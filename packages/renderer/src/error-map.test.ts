import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorsByField, fieldMessage } from "./error-map";

describe("errorsByField", () => {
  it("puts sub-form cell errors under the sub-form at the row and column pointer", () => {
    const grouped = errorsByField([
      { path: "/items/0/qty", message: "too small" },
      { path: "/items/2/price", message: "required" },
      { path: "/discount", message: "max 1" },
    ]);
    expect(grouped.form).toEqual([]);
    expect([...(grouped.fields.get("items") ?? [])]).toEqual([
      ["/0/qty", "too small"],
      ["/2/price", "required"],
    ]);
    expect(grouped.fields.get("discount")?.get("")).toBe("max 1");
  });

  it("keeps record-level messages (the form's submit validations) apart", () => {
    expect(errorsByField([{ path: "", message: "Discount may not exceed 50%" }]).form).toEqual([
      "Discount may not exceed 50%",
    ]);
  });

  it("keeps the first message at a pointer", () => {
    const grouped = errorsByField([
      { path: "/a", message: "first" },
      { path: "/a", message: "second" },
    ]);
    expect(grouped.fields.get("a")?.get("")).toBe("first");
  });

  it("unescapes ~1 and ~0 in the field token", () => {
    expect(
      errorsByField([{ path: "/a~1b~0c/x", message: "m" }])
        .fields.get("a/b~c")
        ?.get("/x"),
    ).toBe("m");
  });

  it("files every message exactly once, whatever the paths", () => {
    const path = fc
      .array(fc.constantFrom("a", "b", "0", "1", "~0", "~1"), { maxLength: 3 })
      .map((tokens) => (tokens.length === 0 ? "" : `/${tokens.join("/")}`));
    fc.assert(
      fc.property(fc.uniqueArray(path), (paths) => {
        const grouped = errorsByField(paths.map((p) => ({ path: p, message: p })));
        let count = grouped.form.length;
        for (const messages of grouped.fields.values()) count += messages.size;
        expect(count).toBe(paths.length);
      }),
    );
  });
});

describe("fieldMessage", () => {
  const messages = new Map([["/city", "unknown city"]]);
  it("shows a nested message under inputs that do not place it themselves", () => {
    expect(fieldMessage(messages, false)).toBe("unknown city");
  });
  it("leaves nested messages to inputs that place them (sub-form cells)", () => {
    expect(fieldMessage(messages, true)).toBeUndefined();
    expect(fieldMessage(new Map([["", "required"]]), true)).toBe("required");
  });
});
