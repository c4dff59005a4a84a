import { describe, expect, it } from "vitest";
import en from "./locales/en.json";
import zh from "./locales/zh-CN.json";
import { logActionKey } from "./log-action";

describe("logActionKey", () => {
  it("reads an end the server made for a deleted record as such, every other action as itself", () => {
    expect(logActionKey({ action: "end", detail: { reason: "recordDeleted" } })).toBe(
      "tasks.log.endRecordDeleted",
    );
    expect(logActionKey({ action: "end", detail: null })).toBe("tasks.log.end");
    expect(logActionKey({ action: "approve", detail: { reason: "recordDeleted" } })).toBe(
      "tasks.log.approve",
    );
  });

  it("has the text in both languages", () => {
    for (const locale of [en, zh]) expect(locale.tasks.log.endRecordDeleted).toBeTruthy();
  });
});
