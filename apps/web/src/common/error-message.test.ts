import { ApiError } from "@formwork/client";
import { createInstance, type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { zhCN } from "../i18n/catalogs";
import { errorMessage } from "./error-message";

const i18n = createInstance();
await i18n.init({ lng: "zh-CN", resources: { "zh-CN": { translation: zhCN } }, initAsync: false });
const t = i18n.t.bind(i18n) as TFunction;

describe("errorMessage", () => {
  it("translates codes we have wording for", () => {
    expect(errorMessage(new ApiError("INVALID_CREDENTIALS", "Wrong email or password", 401), t)).toBe(
      zhCN.errors.codes.INVALID_CREDENTIALS,
    );
  });

  it("falls back to the server's message for other codes", () => {
    expect(errorMessage(new ApiError("VALIDATION_FAILED", "数量不能小于 1", 422), t)).toBe("数量不能小于 1");
  });

  it("gives a generic title for anything that is not an API error", () => {
    expect(errorMessage(new TypeError("x is undefined"), t)).toBe(zhCN.errors.title);
  });
});
