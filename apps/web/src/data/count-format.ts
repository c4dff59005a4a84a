import type { RecordCount } from "@formwork/client";

/** "1,234" for an exact count, "1,000+" for a capped one, in the UI language's digit grouping. */
export function formatCount(count: RecordCount, locale: string): string {
  const digits = new Intl.NumberFormat(locale).format(count.value);
  return count.exact ? digits : `${digits}+`;
}
