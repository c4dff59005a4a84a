import { describe, expect, it } from "vitest";
import { clearDraft, type DraftStorage, loadDraft, saveDraft } from "./draft-store";

function memory(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe("draft store", () => {
  it("round-trips a draft per form and clears it", () => {
    const storage = memory();
    expect(saveDraft(storage, "quotes", { discount: 0.1 })).toBe(true);
    expect(loadDraft(storage, "quotes")).toEqual({ discount: 0.1 });
    expect(loadDraft(storage, "orders")).toBeUndefined();
    clearDraft(storage, "quotes");
    expect(loadDraft(storage, "quotes")).toBeUndefined();
  });

  it("treats garbage, arrays and failing storage as no draft", () => {
    const storage = memory();
    storage.data.set("formwork.draft.a", "{not json");
    storage.data.set("formwork.draft.b", "[1,2]");
    expect(loadDraft(storage, "a")).toBeUndefined();
    expect(loadDraft(storage, "b")).toBeUndefined();
    const full: DraftStorage = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    expect(loadDraft(full, "a")).toBeUndefined();
    expect(saveDraft(full, "a", {})).toBe(false);
    expect(() => clearDraft(full, "a")).not.toThrow();
  });
});
