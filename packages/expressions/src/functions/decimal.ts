// Decimal-correct rounding. Binary floats hold 1.005 as 1.00499999999999989..., so multiplying by 100
// rounds the wrong way; shifting the decimal exponent of the shortest decimal text does not.

/** Excel keeps 15 significant digits: 0.1 + 0.2 is 0.3 before any rounding function sees it. */
export function toPrecision15(n: number): number {
  return n === 0 || !Number.isFinite(n) ? n : Number(n.toPrecision(15));
}

/** n × 10^exponent computed on the decimal text, exact for the decimal value n prints as. */
export function shiftDecimal(n: number, exponent: number): number {
  const [mantissa, exp] = String(n).split("e");
  return Number(`${mantissa}e${Number(exp ?? 0) + exponent}`);
}

type Mode = "half-away" | "up" | "down";

const STEP: Record<Mode, (n: number) => number> = {
  "half-away": Math.round,
  up: Math.ceil,
  down: Math.floor,
};

/** Rounds |n| with the mode and puts the sign back, so every mode is symmetric around zero as in Excel. */
export function roundDecimal(n: number, digits: number, mode: Mode): number {
  const places = Math.trunc(digits);
  // Fast path: a value that already has at most `places` decimals is its own rounding. Dividing the
  // exact integer by an exact power of ten gives the same double as parsing the decimal text.
  if (places >= 0 && places <= 15) {
    const power = 10 ** places;
    const scaled = n * power;
    if (Number.isInteger(scaled) && Math.abs(scaled) < Number.MAX_SAFE_INTEGER) return scaled / power + 0;
  }
  const value = toPrecision15(n);
  if (value === 0) return 0;
  const magnitude = shiftDecimal(STEP[mode](shiftDecimal(Math.abs(value), places)), -places);
  return value < 0 ? -magnitude + 0 : magnitude;
}
