import { FormulaErrorValue } from "../types";
import { numberToText, toNumber } from "./coerce";
import { type LocalDate, toLocalDate } from "./dates";
import { roundDecimal } from "./decimal";

// TEXT(value, format): the common subset of Excel format codes that forms use.
// Dates: yyyy yy M MM d dd H HH h hh m mm s ss AM/PM (m/mm mean minutes after an hour or before
// seconds, as in Excel; MM is always the month; with AM/PM, h and hh count 1–12). Numbers: 0 # , . % with literal prefix and suffix.

const DATE_TOKEN = /AM\/PM|yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|"[^"]*"|./g;
const HAS_DATE_PART = /[yMdHhs]/;

export function formatText(value: unknown, format: string, timeZone: string): string | FormulaErrorValue {
  if (HAS_DATE_PART.test(format.replace(/"[^"]*"/g, ""))) {
    const d = toLocalDate(value, timeZone);
    if (d === null) return "";
    if (d instanceof FormulaErrorValue) return d;
    return formatDateParts(d, format);
  }
  const n = toNumber(value);
  if (n instanceof FormulaErrorValue) return n;
  return formatNumber(n, format);
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

function formatDateParts(d: LocalDate, format: string): string {
  const date = new Date(d.ms);
  const tokens: string[] = format.match(DATE_TOKEN) ?? [];
  let out = "";
  let afterHour = false;
  const twelveHour = tokens.includes("AM/PM");
  const hours = twelveHour ? ((date.getUTCHours() + 11) % 12) + 1 : date.getUTCHours();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const beforeSeconds = /^\W*s/.test(tokens.slice(i + 1).join(""));
    const minutes = (token === "m" || token === "mm") && (afterHour || beforeSeconds);
    switch (minutes ? `minute-${token}` : token) {
      case "yyyy":
        out += pad(date.getUTCFullYear(), 4);
        break;
      case "yy":
        out += pad(date.getUTCFullYear() % 100, 2);
        break;
      case "MM":
      case "mm":
        out += pad(date.getUTCMonth() + 1, 2);
        break;
      case "M":
      case "m":
        out += String(date.getUTCMonth() + 1);
        break;
      case "dd":
        out += pad(date.getUTCDate(), 2);
        break;
      case "d":
        out += String(date.getUTCDate());
        break;
      case "HH":
      case "hh":
        out += pad(hours, 2);
        break;
      case "H":
      case "h":
        out += String(hours);
        break;
      case "AM/PM":
        out += date.getUTCHours() < 12 ? "AM" : "PM";
        break;
      case "minute-mm":
        out += pad(date.getUTCMinutes(), 2);
        break;
      case "minute-m":
        out += String(date.getUTCMinutes());
        break;
      case "ss":
        out += pad(date.getUTCSeconds(), 2);
        break;
      case "s":
        out += String(date.getUTCSeconds());
        break;
      default:
        out += token.startsWith('"') ? token.slice(1, -1) : token;
    }
    if (/^[Hh]/.test(token)) afterHour = true;
    else if (/^[yMd]/.test(token)) afterHour = false;
  }
  return out;
}

const NUMBER_PATTERN = /^([^0#,.]*)([0#,]*)(?:\.([0#]*))?([^0#]*)$/;

function formatNumber(n: number, format: string): string {
  const m = NUMBER_PATTERN.exec(format);
  if (!m || format === "" || /^[^0#]*$/.test(format)) return format === "" ? "" : numberToText(n);
  const [, prefix = "", integerPart = "", fractionPart = "", suffix = ""] = m;
  const percent = suffix.includes("%") || prefix.includes("%");
  const value = percent ? n * 100 : n;
  const decimals = fractionPart.length;
  const rounded = roundDecimal(value, decimals, "half-away");
  const [whole = "0", fraction = ""] = Math.abs(rounded).toFixed(decimals).split(".");
  const minDigits = (integerPart.match(/0/g) ?? []).length;
  let digits = whole === "0" && minDigits === 0 ? "" : whole.padStart(minDigits, "0");
  if (integerPart.includes(",")) digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  let frac = fraction;
  // Trailing # places drop their zeros, 0 places keep them.
  const required = fractionPart.lastIndexOf("0") + 1;
  while (frac.length > required && frac.endsWith("0")) frac = frac.slice(0, -1);
  const body = frac.length > 0 ? `${digits || "0"}.${frac}` : digits || "0";
  return `${rounded < 0 ? "-" : ""}${prefix}${body}${suffix}`;
}
