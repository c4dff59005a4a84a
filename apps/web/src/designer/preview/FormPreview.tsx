import type { FieldDefinition, FormDefinition } from "@formwork/schema";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import { FieldPlaceholder } from "../canvas/FieldPlaceholder";
import styles from "../designer.module.css";
import { spanOf } from "../state/field-widths";

function PreviewField({ field }: { field: FieldDefinition }) {
  const { i18n } = useTranslation();
  const label = localize(field.label, i18n.language);
  return (
    <div className={styles.previewField} style={{ "--span": spanOf(field.width) } as React.CSSProperties}>
      {field.type === "divider" || field.type === "description" ? null : (
        <div className={styles.previewLabel}>
          {label}
          {field.required ? <span className={styles.requiredMark}>*</span> : null}
        </div>
      )}
      {field.type === "subform" ? (
        <div className={styles.previewTable}>
          {field.fields.map((column) => (
            <div key={column.id} className={styles.previewCell}>
              {localize(column.label, i18n.language)}
            </div>
          ))}
        </div>
      ) : (
        <FieldPlaceholder field={field} />
      )}
      {field.description ? (
        <div className={styles.hint}>{localize(field.description, i18n.language)}</div>
      ) : null}
    </div>
  );
}

/** A read-only picture of the form: labels, widths and input shapes, laid out as the fill page lays them. */
export function FormPreview({ definition }: { definition: FormDefinition }) {
  const { i18n } = useTranslation();
  return (
    <div className={styles.previewForm}>
      <h2 className={styles.formName}>{localize(definition.name, i18n.language)}</h2>
      <div className={styles.grid}>
        {definition.fields.map((field) => (
          <PreviewField key={field.id} field={field} />
        ))}
      </div>
    </div>
  );
}
