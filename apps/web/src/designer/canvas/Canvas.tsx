import { FormOutlined } from "@ant-design/icons";
import { useDroppable } from "@dnd-kit/core";
import { rectSortingStrategy, SortableContext } from "@dnd-kit/sortable";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { useDesigner } from "../state/designer-context";
import { CanvasField } from "./CanvasField";
import { CANVAS_DROP_ID } from "./drag-ids";
import { SubformColumns } from "./SubformColumns";
import { useStableIds } from "./use-stable-ids";

/** The form as it will look: fields on a 12-column grid, each spanning its width. */
export function Canvas() {
  const { t, i18n } = useTranslation();
  const { definition, select, selection } = useDesigner();
  const ids = useStableIds(definition.fields.map((f) => f.id));
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
        <h2 className={styles.formName}>{localize(definition.name, i18n.language)}</h2>
        {definition.fields.length === 0 ? (
          <div className={styles.canvasEmpty}>
            <FormOutlined className={styles.canvasEmptyIcon} />
            <p>{t("designer.canvas.empty")}</p>
          </div>
        ) : (
          <SortableContext items={ids as string[]} strategy={rectSortingStrategy}>
            <div className={styles.grid}>
              {definition.fields.map((field) => (
                <CanvasField
                  key={field.id}
                  field={field}
                  selected={selection?.id === field.id && selection.parent === undefined}
                >
                  {field.type === "subform" ? (
                    <SubformColumns
                      subform={field}
                      selectedColumn={selection?.parent === field.id ? selection.id : undefined}
                    />
                  ) : undefined}
                </CanvasField>
              ))}
            </div>
          </SortableContext>
        )}
      </div>
    </section>
  );
}
