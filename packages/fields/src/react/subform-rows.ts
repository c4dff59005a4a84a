// Writes to a sub-form's rows that compose within one event: a link cell's pick changes its own cell
// and then fills sibling cells (the product's list price), two writes before React renders again. Each
// write starts from the rows the previous one produced, not from the rows of the last render.
export type Row = Record<string, unknown>;

export interface RowWriter {
  /** The rows as rendered (call on every render). */
  seen(rows: Row[]): void;
  set(rows: Row[]): void;
  /** Merges `values` into row `index`. */
  patch(index: number, values: Row): void;
}

export function rowWriter(onChange: (rows: Row[]) => void): RowWriter {
  let latest: Row[] = [];
  const set = (rows: Row[]) => {
    latest = rows;
    onChange(rows);
  };
  return {
    seen: (rows) => {
      latest = rows;
    },
    set,
    patch: (index, values) => set(latest.map((row, i) => (i === index ? { ...row, ...values } : row))),
  };
}
