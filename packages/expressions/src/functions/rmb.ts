import { roundDecimal } from "./decimal";

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const PLACE = ["", "拾", "佰", "仟"];
const GROUP = ["", "万", "亿", "万亿"];

/** The largest amount with a unit name: below 10^16 yuan. */
export const RMB_LIMIT = 1e16;

/** Chinese upper-case amount for invoices and cheques, rounded to the fen: 1234.5 → 壹仟贰佰叁拾肆元伍角. */
export function rmbCapital(amount: number): string {
  const rounded = roundDecimal(amount, 2, "half-away");
  const [yuanText = "0", centText = "00"] = Math.abs(rounded).toFixed(2).split(".");
  const jiao = Number(centText[0]);
  const fen = Number(centText[1]);
  const yuan = integerWords(yuanText);
  let text = rounded < 0 ? "负" : "";
  if (yuan !== "") text += `${yuan}元`;
  if (jiao === 0 && fen === 0) return `${text || "零"}${yuan === "" ? "元" : ""}整`;
  if (jiao !== 0) text += `${DIGITS[jiao]}角`;
  else if (yuan !== "") text += "零";
  if (fen !== 0) text += `${DIGITS[fen]}分`;
  return text;
}

/** Reads an integer in groups of four digits; one 零 stands for any run of zeros inside the number. */
function integerWords(digits: string): string {
  let text = "";
  let pendingZero = false;
  let groupHasDigit = false;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[i]);
    const position = digits.length - 1 - i;
    if (digit === 0) {
      if (text !== "") pendingZero = true;
    } else {
      if (pendingZero) text += "零";
      pendingZero = false;
      groupHasDigit = true;
      text += `${DIGITS[digit]}${PLACE[position % 4]}`;
    }
    if (position % 4 === 0 && groupHasDigit) {
      text += GROUP[position / 4];
      groupHasDigit = false;
      pendingZero = false;
    }
  }
  return text;
}
