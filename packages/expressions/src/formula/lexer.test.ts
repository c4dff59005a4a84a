import { describe, expect, it } from "vitest";
import { type Token, tokenize } from "./lexer";

function tokens(text: string): Token[] {
  const result = tokenize(text);
  if (!result.ok) throw new Error(`unexpected lex error: ${result.error.message}`);
  return result.tokens;
}

function lexError(text: string) {
  const result = tokenize(text);
  if (result.ok) throw new Error(`expected a lex error for ${text}`);
  return result.error;
}

describe("tokenize", () => {
  it("reads numbers in every Excel spelling", () => {
    const values = tokens("1 1.5 1.5e3 .5 2E-2 1. 7e+1").flatMap((t) =>
      t.kind === "number" ? [t.value] : [],
    );
    expect(values).toEqual([1, 1.5, 1500, 0.5, 0.02, 1, 70]);
  });

  it("rejects an exponent without digits and numbers too large for a double", () => {
    expect(lexError("1e+")).toMatchObject({
      offset: 1,
      length: 2,
      message: expect.stringContaining("exponent"),
    });
    expect(lexError("2 * 1e400")).toMatchObject({
      offset: 4,
      length: 5,
      message: "this number is too large",
    });
  });

  it('reads text in double quotes with "" as an escaped quote', () => {
    const [token] = tokens('"say ""hi"", 你好"');
    expect(token).toMatchObject({ kind: "string", value: 'say "hi", 你好', offset: 0, length: 16 });
    expect(tokens('""')[0]).toMatchObject({ kind: "string", value: "" });
  });

  it("reports unterminated text from its opening quote to the end", () => {
    expect(lexError('1 & "abc')).toEqual({
      offset: 4,
      length: 4,
      message: 'expected a closing " for this text',
      detail: { key: "unclosedText" },
    });
    expect(lexError('"a""')).toMatchObject({ offset: 0, length: 4 });
  });

  it("reads dotted names as one token with positions", () => {
    expect(tokens("SUM(items.subtotal)")).toEqual([
      { kind: "name", text: "SUM", offset: 0, length: 3 },
      { kind: "(", offset: 3, length: 1 },
      { kind: "name", text: "items.subtotal", offset: 4, length: 14 },
      { kind: ")", offset: 18, length: 1 },
      { kind: "end", offset: 19, length: 0 },
    ]);
  });

  it("reads every operator, the two-character ones greedily", () => {
    const ops = tokens("+ - * / ^ & = <> < > <= >= %").flatMap((t) =>
      t.kind === "operator" ? [t.text] : [],
    );
    expect(ops).toEqual(["+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">=", "%"]);
  });

  it("skips spaces, tabs, line breaks and the ideographic space", () => {
    expect(tokens(" 1\t+\r\n2\u3000").map((t) => t.kind)).toEqual(["number", "operator", "number", "end"]);
  });

  it("names the ASCII character a full-width one stands for", () => {
    expect(lexError("SUM（1）")).toMatchObject({
      offset: 3,
      length: 1,
      message: expect.stringContaining('"("'),
    });
  });

  it("tells users to refer to fields by id, not by a Chinese label", () => {
    expect(lexError("折扣 * 2")).toMatchObject({
      offset: 0,
      length: 2,
      message: expect.stringContaining("not a field id"),
    });
  });

  it("reports other characters with their full width, surrogate pairs included", () => {
    expect(lexError("1 $ 2")).toEqual({
      offset: 2,
      length: 1,
      message: 'unexpected character "$"',
      detail: { key: "unexpectedCharacter", params: { char: "$" } },
    });
    expect(lexError("1 😀")).toMatchObject({ offset: 2, length: 2 });
    expect(lexError("a.")).toMatchObject({ offset: 1, length: 1 });
  });
});
