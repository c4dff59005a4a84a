import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rmbCapital } from "./rmb";

// An independent reader of upper-case amounts: if writing and reading agree on random amounts, every
// digit, unit and 零 landed where it belongs.

const DIGIT: Record<string, number> = {
  零: 0,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const PLACE: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** Up to 9999: digits followed by 拾/佰/仟. */
function readGroup(text: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGIT) digit = DIGIT[ch] as number;
    else if (ch in PLACE) {
      total += digit * (PLACE[ch] as number);
      digit = 0;
    } else throw new Error(`unexpected ${ch} in ${text}`);
  }
  return total + digit;
}

/** Up to 9999,9999 with 万. */
function readWan(text: string): number {
  const [high, low] = text.includes("万") ? text.split("万") : ["", text];
  return readGroup(high ?? "") * 10_000 + readGroup(low ?? "");
}

/** Whole yuan: 亿 splits off the hundreds of millions (which may themselves contain 万). */
function readYuan(text: string): number {
  const [high, low] = text.includes("亿") ? text.split("亿") : ["", text];
  return readWan(high ?? "") * 100_000_000 + readWan(low ?? "");
}

function readAmountInFen(words: string): number {
  const negative = words.startsWith("负");
  let text = negative ? words.slice(1) : words;
  text = text.replace(/整$/, "");
  const [yuanText, rest] = text.includes("元") ? (text.split("元") as [string, string]) : ["", text];
  const jiao = /(.)角/.exec(rest);
  const fen = /(.)分/.exec(rest);
  const fen100 =
    readYuan(yuanText) * 100 +
    (jiao ? (DIGIT[jiao[1] as string] as number) * 10 : 0) +
    (fen ? (DIGIT[fen[1] as string] as number) : 0);
  return negative ? -fen100 : fen100;
}

describe("RMBCAP round trip", () => {
  it("reads back every amount it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_99, max: 999_999_999_999_99 }), (fen) => {
        const words = rmbCapital(fen / 100);
        expect(readAmountInFen(words)).toBe(fen);
        if (fen !== 0) expect(words).not.toMatch(/零零|零[元万亿]|^零|零$/);
        expect(words.endsWith("整")).toBe(fen % 100 === 0);
      }),
      { numRuns: 3000 },
    );
  });

  it("handles amounts with many zeros", () => {
    for (const fen of [
      0, 1, 10, 100, 100_000_00, 100_000_000_00, 1_000_000_000_000_00, 10_010_000_00, 100_001_00,
    ]) {
      expect(readAmountInFen(rmbCapital(fen / 100))).toBe(fen);
    }
  });
});
