import { useDraggable } from "@dnd-kit/core";
import { type FieldCategory, fieldTypes } from "@formwork/fields";
import { FIELD_TYPES, type FieldType } from "@formwork/schema";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { useDesignerText } from "../state/designer-text";
import { FieldIcon } from "./field-icons";

const CATEGORIES: FieldCategory[] = ["basic", "advanced", "member", "layout"];

export function paletteId(type: FieldType): string {
  return `palette:${type}`;
}

function PaletteItem({ type, onAdd }: { type: FieldType; onAdd: (type: FieldType) => void }) {
  const { t, language } = useDesignerText();
  const label = localize(fieldTypes[type].label, language);
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: paletteId(type),
    data: { source: "palette", type },
  });
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={styles.paletteItem}
      data-dragging={isDragging || undefined}
      data-testid={`palette-${type}`}
      title={t("designer.palette.addHint", { label })}
      onClick={() => onAdd(type)}
      {...attributes}
      {...listeners}
    >
      <span className={styles.paletteIcon}>
        <FieldIcon type={type} />
      </span>
      <span className={styles.paletteLabel}>{label}</span>
    </button>
  );
}

/** Every field type, grouped like Jiandaoyun; drag one onto the canvas or click it to append it. */
// Memoised: its only prop is stable, so typing in the property panel never re-renders ~30 draggables.
export const Palette = memo(function Palette({ onAdd }: { onAdd: (type: FieldType) => void }) {
  const { t } = useTranslation();
  return (
    <nav className={styles.palette} aria-label={t("designer.palette.title")}>
      {CATEGORIES.map((category) => (
        <section key={category} className={styles.paletteGroup}>
          <h3 className={styles.paletteHeading}>{t(`designer.palette.${category}`)}</h3>
          <div className={styles.paletteGrid}>
            {FIELD_TYPES.filter((type) => fieldTypes[type].category === category).map((type) => (
              <PaletteItem key={type} type={type} onAdd={onAdd} />
            ))}
          </div>
        </section>
      ))}
    </nav>
  );
});
