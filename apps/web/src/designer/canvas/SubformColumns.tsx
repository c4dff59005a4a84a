import { useDroppable } from "@dnd-kit/core";
import { horizontalListSortingStrategy, SortableContext } from "@dnd-kit/sortable";
import type { FieldOf } from "@formwork/schema";
import { useTranslation } from "react-i18next";
import styles from "../designer.module.css";
import { CanvasField } from "./CanvasField";
import { sortableId, subformZoneId } from "./drag-ids";

/** A sub-form's columns: a nested sortable row you drop fields into. */
export function SubformColumns({ subform }: { subform: FieldOf<"subform"> }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({
    id: subformZoneId(subform.id),
    data: { source: "subform-zone", subform: subform.id },
  });
  return (
    <div
      ref={setNodeRef}
      className={styles.subformZone}
      data-over={isOver || undefined}
      data-testid={`subform-zone-${subform.id}`}
    >
      <SortableContext
        items={subform.fields.map((column) => sortableId(column.id, subform.id))}
        strategy={horizontalListSortingStrategy}
      >
        {subform.fields.map((column) => (
          <div key={column.id} className={styles.subformColumn}>
            <CanvasField id={column.id} parent={subform.id} />
          </div>
        ))}
      </SortableContext>
      <div className={styles.subformHint}>{t("designer.canvas.dropColumns")}</div>
    </div>
  );
}
