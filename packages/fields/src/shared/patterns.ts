// Designer-written regular expressions. A bad pattern must never crash a submit: it compiles to null
// (the definition validator reports it at design time) and the check is skipped.

const cache = new Map<string, RegExp | null>();
const MAX_PATTERN_LENGTH = 1000;

export function compilePattern(pattern: string): RegExp | null {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  let regex: RegExp | null = null;
  if (pattern.length <= MAX_PATTERN_LENGTH) {
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
