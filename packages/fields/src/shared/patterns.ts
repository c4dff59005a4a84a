// Designer-written regular expressions. A bad pattern must never crash or stall a submit: it compiles
// to null (the definition validator reports it at design time) and the check is skipped.
//
// JavaScript regexes backtrack, and a nested unbounded repetition such as `(a+)+$` takes exponential
// time on a near-miss input: one submit could hold the server's event loop for minutes. Such patterns
// are refused (`isUnsafePattern`), like malformed ones.

const cache = new Map<string, RegExp | null>();
const MAX_PATTERN_LENGTH = 1000;
/** A bounded repetition `{n,m}` above this counts as unbounded: `(a+){50}` backtracks like `(a+)+`. */
const LARGE_REPEAT = 10;

/** Length of a quantifier at `i` and whether it repeats without a small bound; 0 when none is there. */
function quantifierAt(pattern: string, i: number): { length: number; unbounded: boolean } {
  const c = pattern[i];
  if (c === "+" || c === "*") return { length: 1, unbounded: true };
  if (c === "?") return { length: 1, unbounded: false };
  if (c !== "{") return { length: 0, unbounded: false };
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!match) return { length: 0, unbounded: false };
  const upper =
    match[2] === undefined ? Number(match[1]) : match[3] === "" ? Number.POSITIVE_INFINITY : Number(match[3]);
  return { length: match[0].length, unbounded: upper > LARGE_REPEAT };
}

/** Length of a group's prefix after "(": `?:`, `?=`, `?!`, `?<=`, `?<!`, `?<name>`. */
function groupPrefixLength(pattern: string, i: number): number {
  if (pattern[i] !== "?") return 0;
  const next = pattern[i + 1];
  if (next === ":" || next === "=" || next === "!") return 2;
  if (next === "<") {
    const after = pattern[i + 2];
    if (after === "=" || after === "!") return 3;
    const close = pattern.indexOf(">", i);
    return close < 0 ? 1 : close - i + 1;
  }
  return 1;
}

/** Does a group that repeats without bound contain another unbounded repetition? */
export function isUnsafePattern(pattern: string): boolean {
  const groups: boolean[] = [false];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
    } else if (c === "[") {
      i++;
      while (i < pattern.length && pattern[i] !== "]") i += pattern[i] === "\\" ? 2 : 1;
    } else if (c === "(") {
      groups.push(false);
      i += groupPrefixLength(pattern, i + 1);
    } else if (c === ")") {
      const innerUnbounded = groups.length > 1 ? groups.pop()! : false;
      const quantifier = quantifierAt(pattern, i + 1);
      if (quantifier.unbounded && innerUnbounded) return true;
      if (innerUnbounded || quantifier.unbounded) groups[groups.length - 1] = true;
      i += quantifier.length;
    } else {
      const quantifier = quantifierAt(pattern, i);
      if (quantifier.unbounded) groups[groups.length - 1] = true;
      if (quantifier.length > 1) i += quantifier.length - 1;
    }
  }
  return false;
}

export function compilePattern(pattern: string): RegExp | null {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  let regex: RegExp | null = null;
  if (pattern.length <= MAX_PATTERN_LENGTH && !isUnsafePattern(pattern)) {
    try {
      regex = new RegExp(pattern, "u");
    } catch {
      try {
        regex = new RegExp(pattern);
      } catch {
        regex = null;
      }
    }
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(pattern, regex);
  return regex;
}
