import type { FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { prepareRecord } from "./prepare";
import { compileRecordValidator } from "./validator";

const now = new Date("2026-11-27T18:30:00Z"); // already the 28th in Shanghai

const form: FormDefinition = {
  key: "visits",
  name: "Visits",
  fields: [
    { id: "title", type: "text", label: "Title", required: true, default: { value: " Visit " } },
    { id: "day", type: "date", label: "Day", default: { today: true } },
    { id: "at", type: "datetime", label: "At", default: { now: true } },
    { id: "owner", type: "member", label: "Owner", default: { currentUser: true } },
    { id: "team", type: "departments", label: "Team", default: { currentDept: true } },
    { id: "due", type: "date", label: "Due", default: { formula: "EDATE(day, 1)" } },
    {
      id: "price",
      type: "money",
      label: "Price",
      default: { linkage: { form: "products", match: [{ field: "code", equals: "title" }], take: "price" } },
    },
    { id: "kind", type: "select", label: "Kind", options: [{ value: "a", label: "Alpha" }, { value: "b" }] },
    { id: "intro", type: "description", label: "Intro", content: "Hello" },
    {
      id: "lines",
      type: "subform",
      label: "Lines",
      fields: [
        { id: "what", type: "text", label: "What", required: true },
        { id: "n", type: "number", label: "N", default: { value: 1 } },
        { id: "secret", type: "text", label: "Secret", visibleWhen: { "==": [{ var: "kind" }, "b"] } },
      ],
    },
  ],
};

describe("prepareRecord details", () => {
  it("applies every default mode on create and hands back linkage defaults", () => {
    const result = prepareRecord(
      form,
      { lines: [{ what: "x" }] },
      { mode: "create", now, user: { id: "u_9", deptId: "d_2" } },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data).toEqual({
      title: "Visit",
      day: "2026-11-28",
      at: "2026-11-27T18:30:00.000Z",
      owner: "u_9",
      team: ["d_2"],
      due: "2026-12-28",
      price: null,
      kind: null,
      lines: [{ what: "x", n: 1 }],
    });
    expect(result.pendingLinkage.map((p) => p.path)).toEqual(["/price"]);
  });

  it("does not apply top-level defaults on update, but fills new rows", () => {
    const existing = { title: "T", day: "2026-01-01", lines: [{ id: "r1", what: "old", n: 5 }] };
    const result = prepareRecord(
      form,
      { lines: [{ id: "r1", what: "old" }, { what: "new" }] },
      { mode: "update", existing, now },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data.owner).toBeNull();
    expect(result.data.lines).toEqual([
      { id: "r1", what: "old" },
      { what: "new", n: 1 },
    ]);
  });

  it("maps option labels, drops hidden sub-form columns and checks required row columns", () => {
    const result = prepareRecord(
      form,
      { kind: "Alpha", lines: [{ what: "", secret: "s" }], intro: "ignored" },
      { mode: "create", now, locale: "en" },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ path: "/lines/0/what", code: "REQUIRED", message: "Is required" }]);
    const fine = prepareRecord(
      form,
      { kind: "Alpha", lines: [{ what: "w", secret: "s" }] },
      { mode: "create", now },
    );
    expect(fine.ok && fine.data.lines).toEqual([{ what: "w", n: 1 }]);
    expect(fine.ok && fine.data.kind).toBe("a");
    const shown = prepareRecord(
      form,
      { kind: "b", lines: [{ what: "w", secret: "s" }] },
      { mode: "create", now },
    );
    expect(shown.ok && shown.data.lines).toEqual([{ what: "w", n: 1, secret: "s" }]);
  });
});

describe("compileRecordValidator", () => {
  it("is cached per form object and reports unknown keys with their pointer", () => {
    const validate = compileRecordValidator(form);
    expect(compileRecordValidator(form)).toBe(validate);
    expect(validate({ title: "x", nope: 1 })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      keyword: "additionalProperties",
      params: { additionalProperty: "nope" },
    });
    expect(validate({ title: "x", lines: [{ what: "a", n: 2 }] })).toBe(true);
  });
});

describe("computed values", () => {
  const computed: FormDefinition = {
    key: "calc",
    name: "Calc",
    fields: [
      { id: "a", type: "number", label: "A" },
      { id: "b", type: "number", label: "B" },
      { id: "ratio", type: "number", label: "Ratio", formula: "a / b", precision: 2 },
      { id: "label", type: "text", label: "Label", formula: 'IF(a > b, "big", "small")' },
      { id: "mismatch", type: "number", label: "Mismatch", formula: '"text"' },
      { id: "capped", type: "number", label: "Capped", formula: "a * 10", max: 50 },
    ],
  };
  const ctx = { mode: "create" as const, now, locale: "en" as const };

  it("rounds results, stores Excel errors and type mismatches as empty", () => {
    const result = prepareRecord(computed, { a: 2, b: 3 }, ctx);
    expect(result.ok && result.data).toMatchObject({
      ratio: 0.67,
      label: "small",
      mismatch: null,
      capped: 20,
    });
    const divided = prepareRecord(computed, { a: 1, b: 0 }, ctx);
    expect(divided.ok && divided.data.ratio).toBeNull();
  });

  it("still reports a computed value's range", () => {
    const result = prepareRecord(computed, { a: 6, b: 1 }, ctx);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: "/capped", code: "INVALID_VALUE", message: "Must be at most 50" },
    ]);
  });
});

describe("linkage defaults", () => {
  const linked: FormDefinition = {
    key: "orders",
    name: "Orders",
    fields: [
      { id: "product", type: "text", label: "Product" },
      {
        id: "price",
        type: "money",
        label: "Price",
        required: true,
        default: {
          linkage: { form: "products", match: [{ field: "code", equals: "product" }], take: "price" },
        },
      },
      {
        id: "note",
        type: "text",
        label: "Note",
        required: true,
        visibleWhen: { "==": [{ var: "product" }, "special"] },
        default: {
          linkage: { form: "products", match: [{ field: "code", equals: "product" }], take: "note" },
        },
      },
    ],
  };

  it("are not 'missing' while the server has yet to fill them, and skipped when hidden", () => {
    const first = prepareRecord(linked, { product: "p1" }, { mode: "create", now });
    expect(first.ok && first.pendingLinkage.map((p) => p.path)).toEqual(["/price"]);
    const second = prepareRecord(linked, { product: "p1", price: 12.5 }, { mode: "create", now });
    expect(second.ok && second.data.price).toBe(12.5);
  });
});
