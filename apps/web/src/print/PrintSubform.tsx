import { storedColumns } from "@formwork/fields";
import type { FieldOf, Locale } from "@formwork/schema";
import { localize } from "../common/localized-text";
import { formatValue } from "../data/record-columns";
import styles from "./print.module.css";

interface Props {
  field: FieldOf<"subform">;
  rows: unknown;
  locale: Locale;
}

/**
 * A sub-form on paper (明细表): one table, a column per sub-form field the page was given (the server
 * sends only the fields the viewer may see), a row per entry, numbered. Cards would waste the A4 page
 * and could not be read across; the header row repeats on every printed page (print.module.css).
 */
export function PrintSubform({ field, rows, locale }: Props) {
  const columns = storedColumns(field);
  const list = Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  return (
    <section className={styles.subform} data-testid={`print-subform-${field.id}`}>
      <h3 className={styles.subformTitle}>{localize(field.label, locale)}</h3>
      <table className={styles.subformTable}>
        <thead>
          <tr>
            <th className={styles.rowNumber}>#</th>
            {columns.map((c) => (
              <th key={c.id}>{localize(c.label, locale)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.map((row, i) => (
            <tr key={typeof row.id === "string" ? row.id : i} data-testid="print-subform-row">
              <td className={styles.rowNumber}>{i + 1}</td>
              {columns.map((c) => (
                <td key={c.id}>{formatValue(row[c.id], c, locale)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
