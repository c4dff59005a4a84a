import {
  CopyOutlined,
  DeleteOutlined,
  EyeInvisibleOutlined,
  FunctionOutlined,
  HolderOutlined,
} from "@ant-design/icons";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Button, Tooltip } from "antd";
import { memo, useMemo, useState } from "react";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { FieldIcon } from "../palette/field-icons";
import { useDesignerActions, useDesignerSelector } from "../state/designer-context";
import { type DesignerStore, fieldById } from "../state/designer-store";
import { useDesignerText } from "../state/designer-text";
import { spanOf } from "../state/field-widths";
import { sortableId } from "./drag-ids";
import { FieldPlaceholder } from "./FieldPlaceholder";
import { duplicateAction } from "./field-actions";
import { SubformColumns } from "./SubformColumns";

const HOLDER = <HolderOutlined />;

function removeField(store: DesignerStore, id: string, parent: string | undefined) {
  store.dispatch({ type: "remove", id, parent });
  store.select(undefined);
}

/** Copy and delete: memoised, so the selected card's label changing does not re-render two tooltips. */
const FieldActions = memo(function FieldActions({ id, parent }: { id: string; parent?: string }) {
  const { t } = useDesignerText();
  const store = useDesignerActions();
  const copy = () => {
    const action = duplicateAction(store.definition(), { id, parent });
    if (action?.type === "duplicate") {
      store.dispatch(action);
      store.select({ id: action.newId, parent });
    }
  };
  return (
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
            removeField(store, id, parent);
          }}
        />
      </Tooltip>
    </span>
  );
});

interface CanvasFieldProps {
  id: string;
  /** The sub-form this card is a column of. */
  parent?: string;
}

/**
 * One field on the canvas: a sortable card with a keyboard-focusable drag handle, copy and delete.
 * It subscribes to its own field (the reducer keeps unchanged fields' identity) and to whether it is
 * selected, so an edit elsewhere does not re-render it.
 */
export const CanvasField = memo(function CanvasField({ id, parent }: CanvasFieldProps) {
  const { t, language } = useDesignerText();
  const store = useDesignerActions();
  const field = useDesignerSelector((state) => fieldById(state.history.present, id, parent));
  const selected = useDesignerSelector(
    ({ selection }) => selection?.id === id && selection.parent === parent,
  );
  // Copy and delete (two buttons with tooltips) exist only while the card is hovered, focused or
  // selected: on a 200-field form they were a third of the designer's mount time.
  const [hot, setHot] = useState(false);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: sortableId(id, parent), data: { source: "field", id, parent } });
  // The icon as the same element while the type is the same: React skips re-rendering it when the
  // label changes (a keystroke in the property panel).
  const type = field?.type;
  const icon = useMemo(() => (type ? <FieldIcon type={type} /> : null), [type]);
  // Gone for the one render between its removal and the list's re-render.
  if (!field) return null;
  const label = localize(field.label, language) || field.id;
  const style = {
    transform: CSS.Translate.toString(transform),
    transition,
    "--span": spanOf(field.width),
  } as React.CSSProperties;

  const onSelect = () => store.select({ id, parent });

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
          removeField(store, id, parent);
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
          {HOLDER}
        </button>
        <span className={styles.fieldTypeIcon}>{icon}</span>
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
        {hot || selected ? <FieldActions id={id} parent={parent} /> : null}
      </div>
      {field.type === "subform" ? <SubformColumns subform={field} /> : <FieldPlaceholder field={field} />}
    </div>
  );
});
