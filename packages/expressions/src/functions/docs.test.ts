import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderFormulaDocs, signature } from "./docs";
import { FUNCTIONS } from "./index";

const DOCS_PATH = fileURLToPath(new URL("../../../../docs/formulas.md", import.meta.url));

describe("docs/formulas.md", () => {
  it("prints signatures with optional and repeating arguments", () => {
    expect(signature(FUNCTIONS.ROUND!)).toBe("ROUND(number, [number])");
    expect(signature(FUNCTIONS.SUM!)).toBe("SUM(list of number, ...)");
    expect(signature(FUNCTIONS.TODAY!)).toBe("TODAY()");
  });

  it("documents every function in both languages", () => {
    const text = renderFormulaDocs(FUNCTIONS);
    for (const spec of Object.values(FUNCTIONS)) {
      expect(text).toContain(`\`${signature(spec)}\``);
      expect(spec.doc.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.doc.en).toMatch(/^[A-Z]/);
    }
  });

  it("is up to date with the function specs", () => {
    const expected = renderFormulaDocs(FUNCTIONS);
    if (process.env.UPDATE_FORMULA_DOCS === "1") writeFileSync(DOCS_PATH, expected);
    expect(readFileSync(DOCS_PATH, "utf8")).toBe(expected);
  });
});
