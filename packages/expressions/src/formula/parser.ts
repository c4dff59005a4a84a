import type { DiagnosticDetail, FormulaDiagnostic } from "../types";
import {
  BINARY_PRECEDENCE,
  type BinaryOperator,
  FIELD_ID,
  FORMULA_LIMITS,
  type FormulaNode,
  PERCENT_PRECEDENCE,
  UNARY_PRECEDENCE,
} from "./ast";
import { scanToken, type Token } from "./lexer";
import type { Span } from "./position";

export type SyntaxResult =
  | { ok: true; ast: FormulaNode }
  | {
      ok: false;
      error: Span & {
        code: Extract<FormulaDiagnostic["code"], "SYNTAX" | "TOO_DEEP" | "TOO_LONG">;
        message: string;
        detail: DiagnosticDetail;
      };
    };

/** Thrown inside the parser only, to unwind to `parseSyntax` from any depth (which is bounded). */
class ParseFailure {
  constructor(
    readonly code: "SYNTAX" | "TOO_DEEP" | "TOO_LONG",
    readonly message: string,
    readonly span: Span,
    readonly detail: DiagnosticDetail,
  ) {}
}

interface Parsed {
  node: FormulaNode;
  /** Levels of calls, operators and refs, so a long `a+b+c+...` chain is bounded like nested parentheses. */
  depth: number;
  /** Values in the compiled json-logic, bounded so that every formula that parses can be evaluated. */
  size: number;
  /** The node's text with any parentheses around it, which a parent's span must include. */
  outer: Span;
}

const leaf = (node: FormulaNode, depth: number, size: number): Parsed => ({
  node,
  depth,
  size,
  outer: node.span,
});

/**
 * Recursion guard: `-(` spends two parser levels on one tree level, so allow some slack over the tree
 * limit while staying far from the call-stack limit.
 */
const MAX_PARSER_NESTING = FORMULA_LIMITS.maxDepth * 3;

const TOO_DEEP_MESSAGE = `formulas may nest calls and operators at most ${FORMULA_LIMITS.maxDepth} levels deep (for a long sum write SUM(a, b, ...))`;
const TOO_NESTED_MESSAGE = `parentheses and signs may nest at most ${MAX_PARSER_NESTING} levels deep`;
const TOO_LARGE_MESSAGE = `formulas may hold at most ${FORMULA_LIMITS.maxNodes} values and operations`;

function describe(token: Token): string {
  switch (token.kind) {
    case "end":
      return "the end of the formula";
    case "number":
    case "string":
    case "name":
      return `"${describeText(token)}"`;
    case "operator":
      return `"${token.text}"`;
    default:
      return `"${token.kind}"`;
  }
}

function describeText(token: Token & { kind: "number" | "string" | "name" }): string {
  const text =
    token.kind === "name" ? token.text : token.kind === "number" ? String(token.value) : token.value;
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/** What was found, for a translated message: its text, or nothing at the end of the formula. */
function found(token: Token): Record<string, string> {
  if (token.kind === "end") return {};
  if (token.kind === "number" || token.kind === "string" || token.kind === "name")
    return { found: describeText(token) };
  return { found: token.kind === "operator" ? token.text : token.kind };
}

const spanOf = (token: Span): Span => ({ offset: token.offset, length: token.length });

const spanning = (from: Span, to: Span): Span => ({
  offset: from.offset,
  length: to.offset + to.length - from.offset,
});

/**
 * Precedence-climbing parser. The grammar, loosest operators first (all binary ones group left):
 *
 *   formula    = ["="] expression end
 *   expression = prefix { binary-op expression | "%" }      binding as in BINARY_PRECEDENCE
 *   prefix     = number | string | TRUE | FALSE | ref | call | "(" expression ")" | ("-" | "+") prefix-level
 *   call       = name "(" [expression { "," expression }] ")"
 *   ref        = id ["." id]                                   id = [a-z][a-z0-9_]*
 *
 * Every way into a deeper level goes through `expression`, which counts nesting, so 10,000
 * parentheses end with TOO_DEEP instead of a stack overflow.
 */
class Parser {
  private nesting = 0;
  /** The lookahead. Tokens are scanned one at a time, so a failure stops the work where it happens. */
  private current: Token;
  private previous: Token | undefined;

  constructor(private readonly text: string) {
    this.current = this.scan(0);
  }

  private scan(from: number): Token {
    const scanned = scanToken(this.text, from);
    if (!scanned.ok)
      throw new ParseFailure("SYNTAX", scanned.error.message, scanned.error, scanned.error.detail);
    return scanned.token;
  }

  parse(): FormulaNode {
    const first = this.peek();
    // Users paste Excel formulas with their leading "=".
    if (first.kind === "operator" && first.text === "=") this.next();
    const { node } = this.expression(0);
    const rest = this.peek();
    if (rest.kind !== "end") {
      throw new ParseFailure(
        "SYNTAX",
        `expected an operator or the end of the formula, found ${describe(rest)}`,
        rest,
        { key: "expectedOperator", params: found(rest) },
      );
    }
    return node;
  }

  private peek(): Token {
    return this.current;
  }

  private next(): Token {
    const token = this.current;
    if (token.kind !== "end") {
      this.previous = token;
      this.current = this.scan(token.offset + token.length);
    }
    return token;
  }

  private expression(minPrecedence: number): Parsed {
    if (this.nesting >= MAX_PARSER_NESTING) {
      // Point at what opened the level that is one too many: a "(", an operator or a ",".
      throw new ParseFailure("TOO_DEEP", TOO_NESTED_MESSAGE, this.previous ?? this.peek(), {
        key: "tooNested",
        params: { max: MAX_PARSER_NESTING },
      });
    }
    this.nesting++;
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      if (token.kind !== "operator") break;
      if (token.text === "%") {
        if (PERCENT_PRECEDENCE < minPrecedence) break;
        this.next();
        left = this.grow(
          { kind: "percent", operand: left.node, span: spanning(left.outer, token) },
          [left],
          token,
        );
        continue;
      }
      const precedence = BINARY_PRECEDENCE[token.text as BinaryOperator];
      if (precedence < minPrecedence) break;
      this.next();
      const right = this.expression(precedence + 1);
      left = this.grow(
        {
          kind: "binary",
          operator: token.text as BinaryOperator,
          left: left.node,
          right: right.node,
          span: spanning(left.outer, right.outer),
        },
        [left, right],
        token,
      );
    }
    this.nesting--;
    return left;
  }

  /** Wraps operands in a call or operator node, enforcing the depth and size limits at `at`. */
  private grow(node: FormulaNode, operands: Parsed[], at: Span): Parsed {
    let depth = 0;
    let size = 2;
    for (const operand of operands) {
      depth = Math.max(depth, operand.depth);
      size += operand.size;
    }
    if (depth >= FORMULA_LIMITS.maxDepth)
      throw new ParseFailure("TOO_DEEP", TOO_DEEP_MESSAGE, at, {
        key: "tooDeep",
        params: { max: FORMULA_LIMITS.maxDepth },
      });
    if (size > FORMULA_LIMITS.maxNodes)
      throw new ParseFailure("TOO_LONG", TOO_LARGE_MESSAGE, at, {
        key: "tooLarge",
        params: { max: FORMULA_LIMITS.maxNodes },
      });
    return { node, depth: depth + 1, size, outer: node.span };
  }

  private prefix(): Parsed {
    const token = this.next();
    switch (token.kind) {
      case "number":
        return leaf({ kind: "number", value: token.value, span: spanOf(token) }, 0, 1);
      case "string":
        return leaf({ kind: "string", value: token.value, span: spanOf(token) }, 0, 1);
      case "name":
        return this.peek().kind === "(" ? this.call(token) : this.atom(token);
      case "(": {
        const inner = this.expression(0);
        const close = this.peek();
        if (close.kind !== ")") {
          throw new ParseFailure("SYNTAX", `expected ")" to close the "(", found ${describe(close)}`, close, {
            key: "unclosedParen",
            params: found(close),
          });
        }
        this.next();
        return { ...inner, outer: spanning(token, close) };
      }
      case "operator":
        if (token.text === "-" || token.text === "+") {
          const operand = this.expression(UNARY_PRECEDENCE);
          return this.grow(
            {
              kind: "unary",
              operator: token.text,
              operand: operand.node,
              span: spanning(token, operand.outer),
            },
            [operand],
            token,
          );
        }
        break;
    }
    throw new ParseFailure(
      "SYNTAX",
      `expected a value (a number, "text", TRUE/FALSE, a field id or a function call), found ${describe(token)}`,
      token,
      { key: "expectedValue", params: found(token) },
    );
  }

  private atom(token: Token & { kind: "name" }): Parsed {
    const upper = token.text.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") {
      return leaf({ kind: "boolean", value: upper === "TRUE", span: spanOf(token) }, 0, 1);
    }
    const segments = token.text.split(".");
    if (segments.length > 2) {
      throw new ParseFailure(
        "SYNTAX",
        `"${token.text}" is not a field reference: use a field id or sub-form.column, one dot at most`,
        token,
        { key: "tooManyDots", params: { text: token.text } },
      );
    }
    let offset = token.offset;
    for (const segment of segments) {
      if (!FIELD_ID.test(segment)) {
        const hint = FIELD_ID.test(segment.toLowerCase())
          ? `; field ids are lower-case, did you mean "${segment.toLowerCase()}"?`
          : "";
        throw new ParseFailure(
          "SYNTAX",
          `"${segment}" is not a valid field id (a lower-case letter, then letters, digits or _)${hint}`,
          { offset, length: segment.length },
          hint
            ? { key: "upperCaseId", params: { text: segment, suggestion: segment.toLowerCase() } }
            : { key: "invalidId", params: { text: segment } },
        );
      }
      offset += segment.length + 1;
    }
    // A ref compiles to {"var": path}: one level and two values, like an operator without operands.
    return leaf({ kind: "ref", path: token.text, span: spanOf(token) }, 1, 2);
  }

  private call(name: Token & { kind: "name" }): Parsed {
    this.next(); // "("
    const args: Parsed[] = [];
    if (this.peek().kind !== ")") {
      for (;;) {
        const arg = this.expression(0);
        args.push(arg);
        const separator = this.peek();
        if (separator.kind === ",") {
          this.next();
          continue;
        }
        if (separator.kind === ")") break;
        throw new ParseFailure(
          "SYNTAX",
          `expected "," or ")" in the arguments of ${name.text.toUpperCase()}, found ${describe(separator)}`,
          separator,
          { key: "expectedSeparator", params: { name: name.text.toUpperCase(), ...found(separator) } },
        );
      }
    }
    const close = this.next();
    return this.grow(
      {
        kind: "call",
        name: name.text.toUpperCase(),
        args: args.map((arg) => arg.node),
        span: spanning(name, close),
        nameSpan: spanOf(name),
      },
      args,
      name,
    );
  }
}

/** Parses formula text into a tree, or gives the first syntax error with its position. */
export function parseSyntax(text: string): SyntaxResult {
  try {
    return { ok: true, ast: new Parser(text).parse() };
  } catch (failure) {
    if (!(failure instanceof ParseFailure)) throw failure;
    return {
      ok: false,
      error: {
        code: failure.code,
        message: failure.message,
        detail: failure.detail,
        offset: failure.span.offset,
        length: failure.span.length,
      },
    };
  }
}
