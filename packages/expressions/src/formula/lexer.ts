import type { DiagnosticDetail } from "../types";
import type { Span } from "./position";

export type Operator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=" | "%";

export type Token = Span &
  (
    | { kind: "number"; value: number }
    | { kind: "string"; value: string }
    /** A bare or dotted name (`discount`, `items.subtotal`, `SUM`); the parser decides what it names. */
    | { kind: "name"; text: string }
    | { kind: "operator"; text: Operator }
    | { kind: "(" | ")" | "," | "end" }
  );

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: Span & { message: string } };

/** Look-alikes that Chinese input methods produce; naming the ASCII character saves a puzzled user. */
const FULL_WIDTH: Record<string, string> = {
  "（": "(",
  "）": ")",
  "，": ",",
  "“": '"',
  "”": '"',
  "＋": "+",
  "－": "-",
  "＊": "*",
  "／": "/",
  "＝": "=",
  "＜": "<",
  "＞": ">",
  "％": "%",
  "＆": "&",
  "＾": "^",
  "。": ".",
};

const PUNCTUATION = new Set(["(", ")", ","]);
const ONE_CHARACTER_OPERATORS = new Set(["+", "-", "*", "/", "^", "&", "=", "%", "<", ">"]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isNameStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_");
const isNamePart = (c: string | undefined): boolean => isNameStart(c) || isDigit(c);
const isSpace = (c: string): boolean => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\u3000";
const NON_ASCII_WORD = /[\p{L}\p{N}_]+/uy;

export type ScanResult =
  | { ok: true; token: Token }
  | { ok: false; error: Span & { message: string; detail: DiagnosticDetail } };

const fail = (offset: number, length: number, message: string, detail: DiagnosticDetail): ScanResult => ({
  ok: false,
  error: { offset, length, message, detail },
});

/**
 * Reads the token that starts at or after `from` (spaces skipped); `end` once the text is used up.
 * The parser pulls tokens one at a time, so hostile input fails at the first problem without the
 * rest of a huge text ever being tokenized.
 */
export function scanToken(text: string, from: number): ScanResult {
  let i = from;
  while (i < text.length && isSpace(text[i]!)) i++;
  const start = i;
  if (i >= text.length) return { ok: true, token: { kind: "end", offset: text.length, length: 0 } };
  const c = text[i]!;

  if (isDigit(c) || (c === "." && isDigit(text[i + 1]))) {
    while (isDigit(text[i])) i++;
    if (text[i] === ".") {
      i++;
      while (isDigit(text[i])) i++;
    }
    if (text[i] === "e" || text[i] === "E") {
      let j = i + 1;
      if (text[j] === "+" || text[j] === "-") j++;
      if (!isDigit(text[j]))
        return fail(i, j - i, "expected the digits of an exponent, as in 1.5e3", { key: "exponentDigits" });
      while (isDigit(text[j])) j++;
      i = j;
    }
    const value = Number(text.slice(start, i));
    if (!Number.isFinite(value))
      return fail(start, i - start, "this number is too large", { key: "numberTooLarge" });
    return { ok: true, token: { kind: "number", value, offset: start, length: i - start } };
  }

  if (c === '"') {
    let value = "";
    i++;
    for (;;) {
      const close = text.indexOf('"', i);
      if (close < 0)
        return fail(start, text.length - start, 'expected a closing " for this text', {
          key: "unclosedText",
        });
      value += text.slice(i, close);
      if (text[close + 1] !== '"') {
        i = close + 1;
        break;
      }
      value += '"';
      i = close + 2;
    }
    return { ok: true, token: { kind: "string", value, offset: start, length: i - start } };
  }

  if (isNameStart(c)) {
    i++;
    while (isNamePart(text[i])) i++;
    while (text[i] === "." && isNameStart(text[i + 1])) {
      i += 2;
      while (isNamePart(text[i])) i++;
    }
    return {
      ok: true,
      token: { kind: "name", text: text.slice(start, i), offset: start, length: i - start },
    };
  }

  const two = text.slice(i, i + 2);
  if (two === "<>" || two === "<=" || two === ">=") {
    return { ok: true, token: { kind: "operator", text: two, offset: start, length: 2 } };
  }
  if (PUNCTUATION.has(c))
    return { ok: true, token: { kind: c as "(" | ")" | ",", offset: start, length: 1 } };
  if (ONE_CHARACTER_OPERATORS.has(c)) {
    return { ok: true, token: { kind: "operator", text: c as Operator, offset: start, length: 1 } };
  }

  if (Object.hasOwn(FULL_WIDTH, c)) {
    return fail(start, 1, `full-width "${c}" is not allowed here: type "${FULL_WIDTH[c]}" instead`, {
      key: "fullWidth",
      params: { char: c, replacement: FULL_WIDTH[c]! },
    });
  }
  NON_ASCII_WORD.lastIndex = i;
  const word = NON_ASCII_WORD.exec(text);
  if (word) {
    return fail(
      start,
      word[0].length,
      `"${word[0]}" is not a field id: refer to fields by their id (a-z, 0-9, _), not by their label`,
      { key: "labelNotId", params: { text: word[0] } },
    );
  }
  const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
  return fail(start, width, `unexpected character ${JSON.stringify(text.slice(i, i + width))}`, {
    key: "unexpectedCharacter",
    params: { char: text.slice(i, i + width) },
  });
}

/** Every token of a text, for syntax highlighting; stops at the first character that starts none. */
export function tokenize(text: string): LexResult {
  const tokens: Token[] = [];
  for (let at = 0; ; ) {
    const scanned = scanToken(text, at);
    if (!scanned.ok) return scanned;
    tokens.push(scanned.token);
    if (scanned.token.kind === "end") return { ok: true, tokens };
    at = scanned.token.offset + scanned.token.length;
  }
}
