// Decimal-correct rounding. Binary floats make 1.005 * 100 = 100.49999..., so `Math.round(x * 100) / 100`
// gives 1.00. Shifting the decimal point in the number's *text* (exponent notation) rounds the value the
// user typed, not its binary approximation.

/** Round half away from zero to `places` decimals (0..15). Non-finite and huge values are returned as is. */
export function roundHalfAwayFromZero(value: number, places: number): number {
  if (!Number.isFinite(value) || !Number.isInteger(places) || places < 0 || places > 15) return value;
  const sign = value < 0 ? -1 : 1;
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15) return value;
  const shifted = shiftDecimalPoint(magnitude, places);
  if (!Number.isFinite(shifted)) return value;
  const result = sign * shiftDecimalPoint(Math.round(shifted), -places);
  return Object.is(result, -0) ? 0 : result;
}

/** value * 10^places computed on the decimal text, so no binary error creeps in. */
function shiftDecimalPoint(value: number, places: number): number {
  const [mantissa, exponent] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent ?? 0) + places}`);
}

/** Parse what a person or a spreadsheet may send as a number: "1,234.5", " 12 ", "1e3". Anything else is returned unchanged. */
export function parseNumeric(value: unknown): unknown {
  if (typeof value === "number") return Object.is(value, -0) ? 0 : value;
  if (typeof value !== "string") return value;
  const text = value.trim().replace(/,/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return value;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? (Object.is(parsed, -0) ? 0 : parsed) : value;
}

/** Count of decimals a finite number shows in its shortest text form. */
export function decimalPlaces(value: number): number {
  const text = String(value);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) {
    const mantissa = text.slice(0, exp.index);
    const dot = mantissa.indexOf(".");
    return Number(exp[1]) + (dot < 0 ? 0 : mantissa.length - dot - 1);
  }
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}
