import type { FieldDefinition } from "@formwork/schema";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { useDesignerText } from "../state/designer-text";

/** A quiet stand-in for the field's input, so the canvas reads like the form it becomes. */
export function FieldPlaceholder({ field }: { field: FieldDefinition }) {
  const { t, language } = useDesignerText();
  switch (field.type) {
    case "divider":
      return <hr className={styles.dividerLine} />;
    case "description":
      return (
        <p className={styles.descriptionText}>
          {localize(field.content, language) || t("designer.canvas.descriptionEmpty")}
        </p>
      );
    case "radio":
    case "checkbox":
      return (
        <div className={styles.optionsPreview}>
          {field.options.slice(0, 4).map((option) => (
            <span key={option.value} className={styles.optionPreview}>
              <span className={field.type === "radio" ? styles.radioDot : styles.checkBox} />
              {localize(option.label, language) || option.value}
            </span>
          ))}
        </div>
      );
    case "textarea":
      return <div className={`${styles.inputBox} ${styles.inputTall}`} />;
    case "rating":
      return <div className={styles.stars}>{"★★★★★".slice(0, field.max ?? 5)}</div>;
    default:
      return (
        <div className={styles.inputBox}>
          {field.formula ? <code className={styles.formulaHint}>= {field.formula}</code> : null}
        </div>
      );
  }
}
