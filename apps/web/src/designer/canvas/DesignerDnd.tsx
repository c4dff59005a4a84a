import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { fieldTypes } from "@formwork/fields";
import type { FieldType } from "@formwork/schema";
import { App } from "antd";
import { memo, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { FieldIcon } from "../palette/field-icons";
import { useDesignerActions } from "../state/designer-context";
import { allFieldIds, fieldsAt, findField } from "../state/field-tree";
import { createField, NOT_IN_SUBFORM } from "../state/new-field";
import { designerCollision } from "./collision";
import type { DragData } from "./drag-ids";
import { dropTarget } from "./drop-target";

// Module constants, not inline objects: useSensor memoises on the options' identity, and new sensors
// on every render would re-render every draggable card (each keystroke in the property panel).
const POINTER = { activationConstraint: { distance: 4 } };
const KEYBOARD = { coordinateGetter: sortableKeyboardCoordinates };

/** Drag and drop for the whole designer: palette → canvas, reorder, sub-form columns; mouse and keyboard. */
export const DesignerDnd = memo(function DesignerDnd({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  // Actions and the latest definition, read when a drag happens: the drag layer does not re-render on
  // every definition change (a keystroke in the property panel).
  const { definition: latest, dispatch, select } = useDesignerActions();
  const [dragging, setDragging] = useState<FieldType>();
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, KEYBOARD));

  const nameOf = (data: DragData | undefined): string => {
    if (data?.source === "palette") return localize(fieldTypes[data.type].label, i18n.language);
    if (data?.source === "field") {
      const field = findField(latest(), data.id, data.parent);
      return field ? localize(field.label, i18n.language) || field.id : data.id;
    }
    return "";
  };
  const positionOf = (data: DragData | undefined): { position: number; total: number } => {
    const definition = latest();
    const target = dropTarget(definition, data);
    return { position: target.index + 1, total: fieldsAt(definition, target.parent).length };
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t("designer.dnd.start", { name: nameOf(active.data.current as DragData) }),
    onDragOver: ({ active, over }) =>
      over
        ? t("designer.dnd.over", {
            name: nameOf(active.data.current as DragData),
            ...positionOf(over.data.current as DragData),
          })
        : t("designer.dnd.outside", { name: nameOf(active.data.current as DragData) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t("designer.dnd.dropped", {
            name: nameOf(active.data.current as DragData),
            ...positionOf(over.data.current as DragData),
          })
        : t("designer.dnd.cancelled", { name: nameOf(active.data.current as DragData) }),
    onDragCancel: ({ active }) =>
      t("designer.dnd.cancelled", { name: nameOf(active.data.current as DragData) }),
  };
  const screenReaderInstructions = useMemo(() => ({ draggable: t("designer.dnd.instructions") }), [t]);

  const onDragStart = ({ active }: DragStartEvent) => {
    const data = active.data.current as DragData | undefined;
    setDragging(data?.source === "palette" ? data.type : undefined);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(undefined);
    const from = active.data.current as DragData | undefined;
    const to = over?.data.current as DragData | undefined;
    if (!from || !over) return;
    const definition = latest();
    const target = dropTarget(definition, to);
    if (from.source === "palette") {
      if (target.parent !== undefined && NOT_IN_SUBFORM.has(from.type)) {
        message.warning(t("designer.dnd.notInSubform", { name: nameOf(from) }));
        return;
      }
      const field = createField(from.type, allFieldIds(definition));
      dispatch({
        type: "add",
        field,
        parent: target.parent,
        index: to?.source === "field" ? target.index : undefined,
      });
      select({ id: field.id, parent: target.parent });
      return;
    }
    if (from.source === "field" && to?.source === "field" && to.parent === from.parent) {
      const index = fieldsAt(definition, from.parent).findIndex((f) => f.id === from.id);
      dispatch({ type: "move", parent: from.parent, from: index, to: target.index });
    }
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={designerCollision}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(undefined)}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {dragging ? (
          <div className={styles.dragOverlay}>
            <FieldIcon type={dragging} />
            <span>{localize(fieldTypes[dragging].label, i18n.language)}</span>
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
});
