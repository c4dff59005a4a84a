import { FormOutlined } from "@ant-design/icons";
import { useDroppable } from "@dnd-kit/core";
import { rectSortingStrategy, SortableContext } from "@dnd-kit/sortable";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { useDesignerActions, useDesignerSelector } from "../state/designer-context";
import { type DesignerSnapshot, idsKey } from "../state/designer-store";
import { CanvasField } from "./CanvasField";
import { CANVAS_DROP_ID } from "./drag-ids";

const nameOf = (state: DesignerSnapshot) => state.history.present.name;
const idsOf = (state: DesignerSnapshot) => idsKey(state.history.present.fields);

/**
 * The form as it will look: fields on a 12-column grid, each spanning its width. It re-renders when
 * fields are added, removed or reordered; each card follows its own field (a keystroke in the property
 * panel re-renders one card).
 */
export function Canvas() {
  const { t, i18n } = useTranslation();
  const { select } = useDesignerActions();
  const name = useDesignerSelector(nameOf);
  const key = useDesignerSelector(idsOf);
  // The same array while the ids are the same: SortableContext treats a new `items` array as a change.
  const ids = useMemo(() => (key === "" ? [] : key.split("\n")), [key]);
  const { setNodeRef, isOver } = useDroppable({ id: CANVAS_DROP_ID, data: { source: "canvas" } });
  return (
    <section
      className={styles.canvasScroll}
      aria-label={t("designer.canvas.title")}
      onClick={() => select(undefined)}
      onKeyDown={(event) => {
        if (event.key === "Escape") select(undefined);
      }}
    >
      <div
        ref={setNodeRef}
        className={styles.canvasPaper}
        data-over={isOver || undefined}
        data-testid="designer-canvas"
      >
        <h2 className={styles.formName}>{localize(name, i18n.language)}</h2>
        {ids.length === 0 ? (
          <div className={styles.canvasEmpty}>
            <FormOutlined className={styles.canvasEmptyIcon} />
            <p>{t("designer.canvas.empty")}</p>
          </div>
        ) : (
          <SortableContext items={ids} strategy={rectSortingStrategy}>
            <div className={styles.grid}>
              {ids.map((id) => (
                <CanvasField key={id} id={id} />
              ))}
            </div>
          </SortableContext>
        )}
      </div>
    </section>
  );
}
