import type { FormulaDiagnostic } from "@formwork/expressions";
import { forwardRef } from "react";
import styles from "../designer.module.css";
import { highlightRuns } from "./highlight";

interface FormulaInputProps {
  value: string;
  onChange: (value: string) => void;
  diagnostics: FormulaDiagnostic[];
  label: string;
}

/** A textarea over a highlight layer: tokens coloured, diagnostic spans underlined at their position. */
export const FormulaInput = forwardRef<HTMLTextAreaElement, FormulaInputProps>(function FormulaInput(
  { value, onChange, diagnostics, label },
  ref,
) {
  const runs = highlightRuns(value, diagnostics);
  return (
    <div className={styles.formulaInput}>
      <pre className={styles.formulaLayer} aria-hidden="true">
        {runs.map((run, i) => (
          <span key={i} className={`${styles[`tok_${run.kind}`] ?? ""} ${run.error ? styles.tokError : ""}`}>
            {run.text}
          </span>
        ))}
        {/* An error at the very end (a missing operand) has no character to underline: mark the gap. */}
        {diagnostics.some((d) => d.offset >= value.length) ? (
          <span className={styles.tokError}>{"\u00a0"}</span>
        ) : null}
        {"\n"}
      </pre>
      <textarea
        ref={ref}
        className={styles.formulaText}
        value={value}
        spellCheck={false}
        aria-label={label}
        data-testid="formula-input"
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => {
          const layer = event.currentTarget.previousElementSibling;
          if (layer) layer.scrollTop = event.currentTarget.scrollTop;
        }}
      />
    </div>
  );
});
