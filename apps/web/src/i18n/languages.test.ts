import { describe, expect, it } from "vitest";
import { LANGUAGE_STORAGE_KEY, storedLanguage, storeLanguage } from "./languages";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

describe("stored language", () => {
  it("defaults to Chinese when nothing or something unknown is stored", () => {
    expect(storedLanguage(memoryStorage())).toBe("zh-CN");
    expect(storedLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: "fr" }))).toBe("zh-CN");
    expect(storedLanguage(undefined)).toBe("zh-CN");
  });

  it("round-trips a choice", () => {
    const storage = memoryStorage();
    storeLanguage(storage, "en");
    expect(storedLanguage(storage)).toBe("en");
  });

  it("survives storage that throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    expect(storedLanguage(broken)).toBe("zh-CN");
    expect(() => storeLanguage(broken, "en")).not.toThrow();
  });
});
