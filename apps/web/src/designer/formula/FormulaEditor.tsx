import { checkFormula, evaluate, FormulaErrorValue, parseFormula } from "@formwork/expressions";
import type { FormDefinition } from "@formwork/schema";
import { Alert, Input, Modal, Tag } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { FieldIcon } from "../palette/field-icons";
import { diagnosticText } from "./diagnostic-text";
import { FormulaInput } from "./FormulaInput";
import { FunctionList } from "./FunctionList";
import { formulaEnvironment, formulaRefs } from "./formula-env";
import { defaultSample, sampleData } from "./sample-data";

interface FormulaEditorProps {
  open: boolean;
  definition: FormDefinition;
  fieldId: string;
  parent?: string;
  value: string | undefined;
  onSave: (formula: string | undefined) => void;
  onClose: () => void;
}

function display(value: unknown): string {
  if (value instanceof FormulaErrorValue) return value.code;
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Formula editing: field picker, function library, live type-check diagnostics and a live preview. */
export function FormulaEditor({
  open,
  definition,
  fieldId,
  parent,
  value,
  onSave,
  onClose,
}: FormulaEditorProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(value ?? "");
  const [samples, setSamples] = useState<Record<string, string>>({});
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) setText(value ?? "");
  }, [open, value]);

  const refs = useMemo(() => formulaRefs(definition, fieldId, parent), [definition, fieldId, parent]);
  const env = useMemo(() => formulaEnvironment(refs), [refs]);
  const check = useMemo(() => checkFormula(text, env), [text, env]);
  const parsed = useMemo(() => parseFormula(text), [text]);
  const used = parsed.ok ? parsed.refs.filter((ref) => ref in env.fields) : [];
  const preview = useMemo(() => {
    if (!parsed.ok || text.trim() === "") return undefined;
    const filled = Object.fromEntries(
      used.map((ref) => [ref, samples[ref] ?? defaultSample(env.fields[ref] ?? "any")]),
    );
    return evaluate(parsed.logic, sampleData(filled, env.fields), { now: new Date() });
  }, [parsed, samples, used, env, text]);

  const insert = (snippet: string) => {
    const area = input.current;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    const next = text.slice(0, start) + snippet + text.slice(end);
    setText(next);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  return (
    <Modal
      open={open}
      width={960}
      title={t("designer.formula.title")}
      okText={t("designer.formula.apply")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => onSave(text.trim() === "" ? undefined : text)}
      okButtonProps={{ disabled: check.diagnostics.length > 0, "data-testid": "formula-apply" }}
      destroyOnHidden
    >
      <div className={styles.formulaLayout}>
        <div className={styles.formulaFields}>
          <h4>{t("designer.formula.fields")}</h4>
          <div className={styles.functionScroll}>
            {refs.map((ref) => (
              <button key={ref.ref} type="button" className={styles.fieldRef} onClick={() => insert(ref.ref)}>
                <FieldIcon type={ref.field.type} />
                <span>
                  {ref.subform ? `${localize(ref.subform.label, i18n.language)}.` : ""}
                  {localize(ref.field.label, i18n.language)}
                </span>
                <code>{ref.ref}</code>
              </button>
            ))}
            {refs.length === 0 ? <p className={styles.hint}>{t("designer.formula.noFields")}</p> : null}
          </div>
        </div>
        <div className={styles.formulaMain}>
          <FormulaInput
            ref={input}
            value={text}
            onChange={setText}
            diagnostics={check.diagnostics}
            label={t("designer.formula.title")}
          />
          <div className={styles.diagnostics} aria-live="polite">
            {check.diagnostics.length === 0 ? (
              text.trim() ? (
                <Tag color="success">
                  {t("designer.formula.ok", { type: typeof check.type === "string" ? check.type : "array" })}
                </Tag>
              ) : null
            ) : (
              check.diagnostics.map((d) => (
                <Alert
                  key={`${d.offset}-${d.code}`}
                  type="error"
                  showIcon
                  className={styles.diagnostic}
                  message={t("designer.formula.at", {
                    line: d.line,
                    column: d.column,
                    code: t(`designer.formula.code.${d.code}`),
                    message: diagnosticText(d, t),
                  })}
                />
              ))
            )}
          </div>
          {used.length > 0 ? (
            <div className={styles.samples}>
              <h4>{t("designer.formula.samples")}</h4>
              {used.map((ref) => (
                <div key={ref} className={styles.sampleRow}>
                  <code>{ref}</code>
                  <Input
                    size="small"
                    aria-label={ref}
                    value={samples[ref] ?? defaultSample(env.fields[ref] ?? "any")}
                    onChange={(event) => setSamples((s) => ({ ...s, [ref]: event.target.value }))}
                  />
                </div>
              ))}
            </div>
          ) : null}
          {preview !== undefined ? (
            <div className={styles.previewResult} data-testid="formula-preview">
              {t("designer.formula.result")} <strong>{display(preview)}</strong>
            </div>
          ) : null}
        </div>
        <FunctionList onInsert={(name) => insert(`${name}(`)} />
      </div>
    </Modal>
  );
}
