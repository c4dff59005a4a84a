import { describe, expect, it } from "vitest";
import type { FormulaAnalyzer } from "../validate/result";
import type { AutomationContext } from "./types";
import { validateAutomation } from "./validate-automation";

const context: AutomationContext = {
  forms: new Map([
    [
      "customers",
      new Map([
        ["name", "text"],
        ["next_follow", "date"],
        ["owner", "member"],
      ]),
    ],
    [
      "followups",
      new Map([
        ["customer", "text"],
        ["note", "textarea"],
      ]),
    ],
  ]),
};

/** A stand-in parser: refs are the lower-case words; "((" is a syntax error. */
const analyze: FormulaAnalyzer = (formula) =>
  formula.includes("((")
    ? { refs: [], diagnostics: [{ code: "SYNTAX", message: "unclosed", line: 1, column: 1, length: 2 }] }
    : { refs: formula.replace(/"[^"]*"/g, "").match(/\b[a-z][a-z0-9_.]*\b/g) ?? [], diagnostics: [] };

const valid = {
  id: "follow_up",
  name: "新客户跟进",
  form: "customers",
  trigger: { type: "recordCreated" },
  condition: { "!=": [{ var: "name" }, ""] },
  actions: [
    { type: "createRecord", form: "followups", fields: { customer: "name", note: '"call"' } },
    { type: "notify", userFields: ["owner"], title: "name" },
  ],
};

describe("validateAutomation", () => {
  it("accepts a valid definition with its references", () => {
    expect(validateAutomation(valid, { context, analyzeFormula: analyze })).toMatchObject({ ok: true });
  });

  it("reports shape problems with pointers", () => {
    const result = validateAutomation({ ...valid, trigger: { type: "schedule", frequency: "hourly" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.every((i) => i.path.startsWith("/trigger"))).toBe(true);
    expect(validateAutomation({ ...valid, actions: [] }).ok).toBe(false);
    expect(validateAutomation({ ...valid, trigger: { type: "hourly" } })).toMatchObject({
      ok: false,
      issues: [{ code: "SCHEMA_VIOLATION", path: "/trigger/type" }],
    });
    expect(validateAutomation({ ...valid, actions: [{ type: "sms", to: "x" }] })).toMatchObject({
      ok: false,
      issues: [{ code: "SCHEMA_VIOLATION", path: "/actions/0/type" }],
    });
    expect(validateAutomation({ ...valid, extra: 1 })).toMatchObject({
      ok: false,
      issues: [{ code: "UNKNOWN_PROPERTY", path: "/extra" }],
    });
  });

  it("reports unknown forms and fields, wrong field types, bad times and formulas", () => {
    const result = validateAutomation(
      {
        ...valid,
        trigger: { type: "dateField", field: "name", offsetDays: -3, time: "25:00" },
        condition: { "==": [{ var: "nope" }, 1] },
        actions: [
          { type: "createRecord", form: "ghosts", fields: { a: "name" } },
          { type: "updateRecords", form: "followups", condition: { var: "zzz" }, fields: { note: "((" } },
          { type: "notify", userFields: ["name"], title: "missing_field" },
        ],
      },
      { context, analyzeFormula: analyze },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ["INVALID_TIME", "/trigger/time"],
      ["NOT_A_DATE_FIELD", "/trigger/field"],
      ["UNKNOWN_FIELD", "/condition/==/0/var"],
      ["UNKNOWN_FORM", "/actions/0/form"],
      ["UNKNOWN_FIELD", "/actions/1/condition/var"],
      ["FORMULA_INVALID", "/actions/1/fields/note"],
      ["UNKNOWN_FIELD", "/actions/2/title"],
      ["NOT_A_MEMBER_FIELD", "/actions/2/userFields/0"],
    ]);
  });

  it("checks assign actions and lets formulas read the trigger record's trigger.id", () => {
    const ok = validateAutomation(
      {
        ...valid,
        actions: [
          {
            type: "assign",
            field: "owner",
            users: ["00000000-0000-4000-8000-000000000001"],
            condition: { "!=": [{ var: "name" }, ""] },
          },
          { type: "createRecord", form: "followups", fields: { customer: "trigger.id" } },
        ],
      },
      { context, analyzeFormula: analyze },
    );
    expect(ok).toMatchObject({ ok: true });
    const bad = validateAutomation(
      {
        ...valid,
        trigger: { type: "schedule", frequency: "daily", time: "09:00" },
        actions: [
          {
            type: "assign",
            field: "name",
            users: ["00000000-0000-4000-8000-000000000001"],
            condition: { var: "zz" },
          },
        ],
      },
      { context, analyzeFormula: analyze },
    );
    expect(bad.ok ? [] : bad.issues.map((i) => [i.code, i.path])).toEqual([
      ["NEEDS_RECORD", "/actions/0"],
      ["NOT_A_MEMBER_FIELD", "/actions/0/field"],
      ["UNKNOWN_FIELD", "/actions/0/condition/var"],
    ]);
    expect(
      validateAutomation({ ...valid, actions: [{ type: "assign", field: "owner", users: [] }] }).ok,
    ).toBe(false);
  });

  it("adds to and removes from list fields only", () => {
    const tagged = new Map([
      ["tags", "multiselect"],
      ["title", "text"],
    ]);
    const forms = { get: (key: string) => (key === "tagged" ? tagged : context.forms.get(key)) };
    const result = validateAutomation(
      {
        ...valid,
        actions: [
          {
            type: "updateRecords",
            form: "tagged",
            condition: { "==": [{ var: "title" }, "x"] },
            fields: {},
            add: { tags: '"vip"', title: '"a"' },
            remove: { ghost: '"b"' },
          },
        ],
      },
      { context: { forms }, analyzeFormula: analyze },
    );
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ["NOT_A_LIST_FIELD", "/actions/0/add/title"],
      ["UNKNOWN_FIELD", "/actions/0/remove/ghost"],
    ]);
  });

  it("needs a weekday for a weekly schedule", () => {
    const result = validateAutomation({
      ...valid,
      trigger: { type: "schedule", frequency: "weekly", time: "09:00" },
    });
    expect(result).toMatchObject({
      ok: false,
      issues: [{ code: "MISSING_SETTING", path: "/trigger/weekday" }],
    });
  });
});
