import type { FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import type { PrepareContext } from "./context";
import { prepareRecord } from "./prepare";
import { quoteForm } from "./quote-form.fixture";

const now = new Date("2026-11-27T02:00:00Z");
const create: PrepareContext = { mode: "create", now, locale: "en", user: { id: "u_1", deptId: "d_1" } };

function ok(result: ReturnType<typeof prepareRecord>) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result;
}
function errorsOf(result: ReturnType<typeof prepareRecord>) {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
  return result.errors;
}

describe("prepareRecord on the DESIGN §2 quote form", () => {
  const form = quoteForm();
  const items = [
    { price: "100", qty: 2, subtotal: 999999 },
    { price: 50.5, qty: "3" },
  ];

  it("computes row subtotals and the discounted total, ignoring client values for computed and serial fields", () => {
    const result = ok(
      prepareRecord(form, { customer: "c_1", items, discount: 0.1, total: 1, no: "QT-HACK" }, create),
    );
    expect(result.data.items).toEqual([
      { price: 100, qty: 2, subtotal: 200 },
      { price: 50.5, qty: 3, subtotal: 151.5 },
    ]);
    expect(result.data.total).toBe(316.35);
    expect(result.data.no).toBeNull();
    expect(Object.keys(result.data).sort()).toEqual([
      "customer",
      "discount",
      "items",
      "no",
      "reason",
      "total",
    ]);
  });

  it("keeps the reason only while the discount is above 0.2", () => {
    const shown = ok(
      prepareRecord(form, { customer: "c_1", items, discount: 0.3, reason: " big deal " }, create),
    );
    expect(shown.data.reason).toBe("big deal");
    const hidden = ok(
      prepareRecord(form, { customer: "c_1", items, discount: 0.2, reason: "dropped" }, create),
    );
    expect(hidden.data.reason).toBeNull();
  });

  it("reports the submit validation's message when the discount passes 0.5", () => {
    const result = prepareRecord(form, { customer: "c_1", items, discount: 0.6 }, create);
    expect(errorsOf(result)).toEqual([
      { path: "", code: "RULE_FAILED", message: "Discount may not exceed 50%" },
    ]);
    // The data is still there for a browser to show live values while the form is invalid.
    expect(!result.ok && result.data?.total).toBe(140.6);
    const zh = errorsOf(
      prepareRecord(form, { customer: "c_1", items, discount: 0.6 }, { ...create, locale: "zh-CN" }),
    );
    expect(zh[0]?.message).toBe("折扣不能超过50%");
  });

  it("reports every field problem with a JSON pointer", () => {
    const errors = errorsOf(
      prepareRecord(
        form,
        {
          items: [
            { price: 1, qty: 0 },
            { price: "x", qty: 1, colour: "red" },
          ],
          discount: 2,
          extra: 1,
        },
        create,
      ),
    );
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.code]));
    expect(byPath).toMatchObject({
      "/extra": "UNKNOWN_FIELD",
      "/items/1/colour": "UNKNOWN_FIELD",
      "/customer": "REQUIRED",
      "/items/0/qty": "INVALID_VALUE",
      "/items/1/price": "INVALID_VALUE",
      "/discount": "INVALID_VALUE",
    });
    expect(errors.some((e) => e.code === "RULE_FAILED")).toBe(false);
  });

  it("merges an update over the existing data and recomputes", () => {
    const existing = ok(prepareRecord(form, { customer: "c_1", items, discount: 0.1 }, create)).data;
    const updated = ok(
      prepareRecord(
        form,
        { discount: 0 },
        { mode: "update", existing: { ...existing, no: "QT-20261127-0001" }, now },
      ),
    );
    expect(updated.data.total).toBe(351.5);
    expect(updated.data.customer).toBe("c_1");
    expect(updated.data.no).toBe("QT-20261127-0001");
  });

  it("ignores system properties echoed inside data", () => {
    const result = ok(
      prepareRecord(form, { customer: "c_1", id: "r1", version: 3, createdBy: "evil" }, create),
    );
    expect(result.data).not.toHaveProperty("createdBy");
  });
});

describe("prepareRecord against hostile input", () => {
  const form = quoteForm();

  it("refuses non-object data", () => {
    for (const input of [null, [], "x", 1])
      expect(errorsOf(prepareRecord(form, input, create))[0]?.code).toBe("NOT_AN_OBJECT");
  });

  it("refuses __proto__, constructor and prototype keys anywhere without touching Object.prototype", () => {
    const input = JSON.parse(
      '{"customer":"c_1","__proto__":{"polluted":true},"items":[{"price":1,"qty":1,"constructor":{"prototype":{"polluted":true}}}]}',
    );
    const errors = errorsOf(prepareRecord(form, input, create));
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["/__proto__", "FORBIDDEN_KEY"],
      ["/items/0/constructor", "FORBIDDEN_KEY"],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("bounds 10,000-element arrays quickly", () => {
    const rows = Array.from({ length: 10_000 }, () => ({ price: 1, qty: 1 }));
    const started = performance.now();
    const errors = errorsOf(prepareRecord(form, { customer: "c_1", items: rows }, create));
    expect(performance.now() - started).toBeLessThan(200);
    expect(errors).toEqual([expect.objectContaining({ path: "/items", code: "TOO_MANY_ITEMS" })]);
  });

  it("reports a sub-form's own maxRows", () => {
    const limited: FormDefinition = {
      ...form,
      fields: form.fields.map((f) => (f.type === "subform" ? { ...f, maxRows: 2 } : f)),
    };
    const errors = errorsOf(
      prepareRecord(limited, { customer: "c_1", items: [{ qty: 1 }, { qty: 1 }, { qty: 1 }] }, create),
    );
    expect(errors.map((e) => e.path)).toEqual(["/items"]);
  });

  it("rejects NUL bytes in text", () => {
    const errors = errorsOf(
      prepareRecord(form, { customer: "c_1", discount: 0.3, reason: "a\u0000b" }, create),
    );
    expect(errors).toEqual([expect.objectContaining({ path: "/reason", code: "NUL_BYTE" })]);
  });

  it("refuses absurd nesting", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(errorsOf(prepareRecord(form, { reason: deep }, create))[0]?.code).toBe("TOO_DEEP");
  });
});

describe("prepareRecord with logic too large to run", () => {
  it("keeps fields visible and refuses the submit validation instead of throwing", () => {
    let deep: unknown = { var: "discount" };
    for (let i = 0; i < 100; i++) deep = { "!": [deep] };
    const form: FormDefinition = {
      key: "f",
      name: "F",
      fields: [
        { id: "discount", type: "number", label: "D" },
        { id: "reason", type: "text", label: "R", visibleWhen: deep as never },
      ],
      validations: [{ rule: deep as never, message: "too large" }],
    };
    const result = prepareRecord(form, { discount: 1, reason: "kept" }, create);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: "", code: "RULE_FAILED", message: "too large" }],
      data: { discount: 1, reason: "kept" },
    });
  });
});
