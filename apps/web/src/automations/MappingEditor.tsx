import { DeleteOutlined, FunctionOutlined, PlusOutlined } from "@ant-design/icons";
import type { FieldDefinition, FormDefinition } from "@formwork/schema";
import { Button, Input, Select } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../common/localized-text";
import { writableFields } from "./automation-model";
import styles from "./automations.module.css";

// The designer's formula editor (field picker, functions, live check and preview) over the trigger form.
const FormulaEditor = lazy(async () => ({
  default: (await import("../designer/formula/FormulaEditor")).FormulaEditor,
}));

interface Props {
  /** Target form fields that may be set. */
  targetFields: readonly FieldDefinition[];
  /** The trigger form: what the formulas read. */
  source: FormDefinition;
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
}

/** Field ← formula rows: each target field set from a formula over the trigger record. */
export function MappingEditor({ targetFields, source, mapping, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string>();
  const fields = writableFields(targetFields);
  const entries = Object.entries(mapping);
  const unused = fields.filter((f) => !(f.id in mapping));
  const rename = (from: string, to: string) =>
    onChange(
      Object.fromEntries(entries.map(([id, formula]) => (id === from ? [to, formula] : [id, formula]))),
    );
  return (
    <div className={styles.stack} data-testid="automation-mapping">
      <p className={styles.hint}>{t("automations.mappingHint")}</p>
      {entries.map(([id, formula], index) => (
        <div className={styles.mappingRow} key={id}>
          <Select
            aria-label={t("automations.field")}
            value={id}
            data-testid={`mapping-field-${index}`}
            options={fields
              .filter((f) => f.id === id || !(f.id in mapping))
              .map((f) => ({ value: f.id, label: localize(f.label, i18n.language) }))}
            onChange={(to: string) => rename(id, to)}
          />
          <Input
            aria-label={t("automations.formula")}
            value={formula}
            data-testid={`mapping-formula-${index}`}
            onChange={(event) => onChange({ ...mapping, [id]: event.target.value })}
            style={{ fontFamily: "var(--ant-font-family-code)" }}
          />
          <Button
            icon={<FunctionOutlined />}
            aria-label={t("automations.editFormula")}
            title={t("automations.editFormula")}
            onClick={() => setEditing(id)}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t("automations.delete")}
            onClick={() => onChange(Object.fromEntries(entries.filter(([other]) => other !== id)))}
          />
        </div>
      ))}
      {unused.length > 0 && (
        <Button
          icon={<PlusOutlined />}
          size="small"
          style={{ alignSelf: "flex-start" }}
          data-testid="mapping-add"
          onClick={() => onChange({ ...mapping, [unused[0]!.id]: "" })}
        >
          {t("automations.addMapping")}
        </Button>
      )}
      {editing !== undefined && (
        <Suspense>
          <FormulaEditor
            open
            definition={source}
            fieldId=""
            value={mapping[editing]}
            onSave={(formula) => {
              onChange({ ...mapping, [editing]: formula ?? "" });
              setEditing(undefined);
            }}
            onClose={() => setEditing(undefined)}
          />
        </Suspense>
      )}
    </div>
  );
}
