// Display formatting shared by the field types: numbers, money, dates in zh-CN and en.
import type { Locale } from "@formwork/schema";
import { DEFAULT_TIME_ZONE } from "./dates";

const intlLocale = (locale: Locale) => (locale === "en" ? "en-US" : "zh-CN");

export function formatNumber(
  value: number,
  locale: Locale,
  options: { precision?: number; percent?: boolean; unit?: string; currency?: string } = {},
): string {
  const digits = options.precision === undefined ? undefined : Math.min(Math.max(options.precision, 0), 15);
  const style = options.currency ? "currency" : options.percent ? "percent" : "decimal";
  const formatter = new Intl.NumberFormat(intlLocale(locale), {
    style,
    ...(options.currency ? { currency: options.currency, currencyDisplay: "narrowSymbol" } : {}),
    ...(digits === undefined
      ? { maximumFractionDigits: style === "percent" ? 4 : 10 }
      : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  });
  const text = formatter.format(value);
  return options.unit ? `${text} ${options.unit}` : text;
}

/** "2026年11月27日" or "Nov 27, 2026". */
export function formatDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: "UTC",
    year: "numeric",
    month: locale === "en" ? "short" : "long",
    day: "numeric",
  }).format(date);
}

/** "2026年11月27日 10:30" or "Nov 27, 2026, 10:30 AM", in the product's default zone. */
export function formatDateTime(iso: string, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    dateStyle: locale === "en" ? "medium" : "long",
    timeStyle: "short",
  }).format(date);
}

/** Join list items the way each language does: "a、b、c" or "a, b, c". */
export function joinList(items: string[], locale: Locale): string {
  return items.join(locale === "en" ? ", " : "、");
}
