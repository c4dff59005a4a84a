// Finds user-visible text written straight into components instead of going through i18n: JSX text
// and text-bearing attributes that hold CJK characters or a capitalised English word, and CJK anywhere
// in code. Deliberately simple (regular expressions over comment-stripped source): it guards a habit.
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
const ENGLISH_WORD = /\b[A-Z][a-z]{2,}\b/;
const TEXT_ATTRIBUTES =
  /\b(?:title|placeholder|label|alt|aria-label|okText|cancelText|description|subTitle|tooltip|content|text)="([^"]*)"/g;
const JSX_TEXT = />\s*([^<>{}]*?)\s*</g;

export interface HardCodedText {
  line: number;
  text: string;
}

/** Blanks comments while keeping line numbers (strings containing // are left alone). */
export function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|(^|[^:"'`])\/\/[^\n]*/g, (match, lead: string | undefined) =>
    lead === undefined ? match.replace(/[^\n]/g, " ") : lead + " ".repeat(match.length - lead.length),
  );
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split("\n").length;
}

function isVisibleText(text: string): boolean {
  return CJK.test(text) || ENGLISH_WORD.test(text);
}

export function findHardCodedText(source: string): HardCodedText[] {
  const code = stripComments(source);
  const found: HardCodedText[] = [];
  for (const match of code.matchAll(JSX_TEXT)) {
    const text = match[1]?.trim() ?? "";
    // `a > b && c < d` in plain code also matches; JSX text never contains code punctuation like these.
    if (text && isVisibleText(text) && !/[=;()&|]/.test(text)) {
      found.push({ line: lineOf(code, match.index), text });
    }
  }
  for (const match of code.matchAll(TEXT_ATTRIBUTES)) {
    const text = match[1] ?? "";
    if (isVisibleText(text)) found.push({ line: lineOf(code, match.index), text });
  }
  code.split("\n").forEach((line, i) => {
    if (CJK.test(line) && !found.some((f) => f.line === i + 1))
      found.push({ line: i + 1, text: line.trim() });
  });
  return found.sort((a, b) => a.line - b.line);
}
