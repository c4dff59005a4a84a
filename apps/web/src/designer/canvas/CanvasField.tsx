import {
  CopyOutlined,
  DeleteOutlined,
  EyeInvisibleOutlined,
  FunctionOutlined,
  HolderOutlined,
} from "@ant-design/icons";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { FieldDefinition } from "@formwork/schema";
import { Button, Tooltip } from "antd";
import { memo, type ReactNode, useState } from "react";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { FieldIcon } from "../palette/field-icons";
import { useDesignerActions } from "../state/designer-context";
import { useDesignerText } from "../state/designer-text";
import { spanOf } from "../state/field-widths";
import { sortableId } from "./drag-ids";
import { FieldPlaceholder } from "./FieldPlaceholder";
import { duplicateAction } from "./field-actions";

interface CanvasFieldProps {
  field: FieldDefinition;
  parent?: string;
  selected: boolean;
  /** The card's body; a placeholder of the field's input when absent. */
  children?: ReactNode;
}

/**
 * One field on the canvas: a sortable card with a keyboard-focusable drag handle, copy and delete.
 * Memoised on its field object (the reducer keeps unchanged fields' identity) and selection.
 */
export const CanvasField = memo(function CanvasField({
  field,
  parent,
  selected,
  children,
}: CanvasFieldProps) {
  const { t, language } = useDesignerText();
  const { dispatch, select, definition } = useDesignerActions();
  // Copy and delete (two buttons with tooltips) exist only while the card is hovered, focused or
  // selected: on a 200-field form they were a third of the designer's mount time.
  const [hot, setHot] = useState(false);
  const label = localize(field.label, language) || field.id;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: sortableId(field.id, parent),
      data: { source: "field", id: field.id, parent },
    });
  const style = {
    transform: CSS.Translate.toString(transform),
    transition,
    "--span": spanOf(field.width),
  } as React.CSSProperties;

  const onSelect = () => select({ id: field.id, parent });
  const copy = () => {
    const action = duplicateAction(definition(), { id: field.id, parent });
    if (action?.type === "duplicate") {
      dispatch(action);
      select({ id: action.newId, parent });
    }
  };
  const remove = () => {
    dispatch({ type: "remove", id: field.id, parent });
    select(undefined);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the card's click and Delete key are shortcuts; its title button and handle are the accessible controls
    <div
      ref={setNodeRef}
      style={style}
      className={styles.field}
      data-selected={selected || undefined}
      data-dragging={isDragging || undefined}
      data-testid={`canvas-field-${field.id}`}
      onKeyDown={(event) => {
        // Delete removes the field when its own card or title has focus, never while typing elsewhere.
        const target = event.target as HTMLElement;
        if (
          event.key === "Delete" &&
          (target === event.currentTarget || target.dataset.fieldTitle !== undefined)
        ) {
          event.preventDefault();
          remove();
        }
      }}
      onClick={(event) => {
        event.stopPropagation();
        onSelect();
      }}
      onMouseEnter={() => setHot(true)}
      onMouseLeave={() => setHot(false)}
      onFocus={() => setHot(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setHot(false);
      }}
    >
      <div className={styles.fieldHeader}>
        <button
          ref={setActivatorNodeRef}
          type="button"
          className={styles.handle}
          aria-label={t("designer.canvas.dragHandle", { label })}
          data-testid={`drag-handle-${field.id}`}
          {...attributes}
          {...listeners}
        >
          <HolderOutlined />
        </button>
        <span className={styles.fieldTypeIcon}>
          <FieldIcon type={field.type} />
        </span>
        <button
          type="button"
          className={styles.fieldLabel}
          aria-pressed={selected}
          aria-label={t("designer.canvas.fieldLabel", { label, id: field.id })}
          data-field-title=""
          data-testid={`select-field-${field.id}`}
          onClick={(event) => {
            event.stopPropagation();
            onSelect();
          }}
        >
          {label}
          {field.required ? <span className={styles.requiredMark}>*</span> : null}
        </button>
        {field.formula ? (
          <Tooltip title={t("designer.canvas.computed")}>
            <FunctionOutlined className={styles.badge} />
          </Tooltip>
        ) : null}
        {field.visibleWhen !== undefined ? (
          <Tooltip title={t("designer.canvas.hasRule")}>
            <EyeInvisibleOutlined className={styles.badge} />
          </Tooltip>
        ) : null}
        {hot || selected ? (
          <span className={styles.fieldActions}>
            <Tooltip title={t("designer.canvas.copy")}>
              <Button
                size="small"
                type="text"
                icon={<CopyOutlined />}
                aria-label={t("designer.canvas.copy")}
                onClick={(event) => {
                  event.stopPropagation();
                  copy();
                }}
              />
            </Tooltip>
            <Tooltip title={t("designer.canvas.delete")}>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("designer.canvas.delete")}
                onClick={(event) => {
                  event.stopPropagation();
                  remove();
                }}
              />
            </Tooltip>
          </span>
        ) : null}
      </div>
      {children ?? <FieldPlaceholder field={field} />}
    </div>
  );
});
