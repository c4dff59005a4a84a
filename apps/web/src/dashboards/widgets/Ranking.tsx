import type { Key, Row } from "../charts/chart-option";
import styles from "../dashboards.module.css";

/** Top groups by the measure, with a bar proportional to the largest. */
export function Ranking({
  rows,
  label,
  onPick,
}: {
  rows: Row[];
  label: (key: Key) => string;
  onPick?: (i: number) => void;
}) {
  const max = Math.max(1, ...rows.map((r) => Math.abs(Number(r.m0 ?? 0))));
  return (
    <ol className={styles.ranking} data-testid="ranking">
      {rows.map((r, i) => (
        <li key={JSON.stringify(r.g0)}>
          <button type="button" className={styles.rankRow} onClick={() => onPick?.(i)}>
            <span className={styles.rankNo}>{i + 1}</span>
            <span className={styles.rankName}>{label(r.g0 ?? null)}</span>
            <span className={styles.rankValue}>
              {Number(r.m0 ?? 0).toLocaleString(undefined, { maximumFractionDigits: 2 })}
            </span>
            <span
              className={styles.rankBar}
              style={{ width: `${(Math.abs(Number(r.m0 ?? 0)) / max) * 100}%` }}
            />
          </button>
        </li>
      ))}
    </ol>
  );
}
