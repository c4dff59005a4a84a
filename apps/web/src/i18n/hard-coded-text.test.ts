import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findHardCodedText, stripComments } from "./hard-coded-text";

const SRC = join(import.meta.dirname, "..");

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(path);
    // Components only: plain .ts modules may carry bilingual definition data ({"zh-CN": ..., en: ...}).
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [path] : [];
  });
}

describe("findHardCodedText", () => {
  it("finds Chinese and English text in JSX and text attributes", () => {
    const source = [
      "export const A = () => (",
      '  <div title="Delete row">',
      "    <span>保存</span>",
      "    <b>Save changes</b>",
      '    <Button aria-label="关闭" />',
      "  </div>",
      ");",
    ].join("\n");
    expect(findHardCodedText(source).map((f) => [f.line, f.text])).toEqual([
      [2, "Delete row"],
      [3, "保存"],
      [4, "Save changes"],
      [5, "关闭"],
    ]);
  });

  it("finds Chinese in plain strings too", () => {
    expect(findHardCodedText('message.error("保存失败");')).toHaveLength(1);
  });

  it("accepts translated text, keys, symbols and comments", () => {
    const source = [
      "// 中文注释 Comment",
      "/* Block 注释 */",
      'const url = "https://example.com";',
      'export const A = () => <span title={t("a.b")}>{t("apps.title")} · {count}</span>;',
      '<ComingSoon title="coming.fillTitle" />;',
      "const b = a > 1 && c < 2;",
    ].join("\n");
    expect(findHardCodedText(source)).toEqual([]);
  });

  it("keeps line numbers when stripping comments", () => {
    expect(stripComments("a\n/* x\ny */\nb // c").split("\n")).toHaveLength(4);
  });
});

describe("the web app's source", () => {
  it("has no hard-coded user-visible text outside the translation catalogs", () => {
    const offenders = componentFiles(SRC).flatMap((file) =>
      findHardCodedText(readFileSync(file, "utf8")).map((f) => `${relative(SRC, file)}:${f.line} ${f.text}`),
    );
    expect(offenders).toEqual([]);
  });
});
