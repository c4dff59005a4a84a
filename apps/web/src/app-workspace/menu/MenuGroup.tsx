import { CaretRightOutlined, FolderOpenOutlined, FolderOutlined } from "@ant-design/icons";
import type { CSSProperties, ReactNode, Ref } from "react";
import { useTranslation } from "react-i18next";
import styles from "../workspace.module.css";

/**
 * A named group of forms: a header that folds it, then its forms. The editable menu adds a handle,
 * actions and drag state, and wraps the list of forms (its own sortable context).
 */
export function MenuGroup({
  id,
  name,
  count,
  collapsed,
  onToggle,
  showEmpty,
  children,
  rowRef,
  style,
  dragging,
  highlighted,
  handle,
  actions,
  wrapList = (list) => list,
}: {
  id: string;
  name: string;
  count: number;
  collapsed: boolean;
  onToggle: () => void;
  /** Show the "drag forms here" hint in an empty group (administrators). */
  showEmpty: boolean;
  children: ReactNode;
  rowRef?: Ref<HTMLLIElement>;
  style?: CSSProperties;
  dragging?: boolean;
  /** A form is being dragged over the header: it would land in this group. */
  highlighted?: boolean;
  handle?: ReactNode;
  actions?: ReactNode;
  wrapList?: (list: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li
      ref={rowRef}
      style={style}
      className={dragging ? styles.dragging : undefined}
      data-testid="menu-group"
      data-group-id={id}
    >
      <div className={`${styles.row} ${styles.groupHead} ${highlighted ? styles.dropInto : ""}`}>
        {handle}
        <button
          type="button"
          className={styles.groupToggle}
          aria-expanded={!collapsed}
          aria-label={t(collapsed ? "menu.expand" : "menu.collapse", { name })}
          onClick={onToggle}
          data-testid="menu-group-toggle"
        >
          <CaretRightOutlined className={collapsed ? styles.caret : `${styles.caret} ${styles.caretOpen}`} />
          {collapsed ? <FolderOutlined /> : <FolderOpenOutlined />}
          <span className={styles.menuName}>{name}</span>
          <span className={styles.groupCount}>{count}</span>
        </button>
        {actions}
      </div>
      {collapsed
        ? null
        : wrapList(
            <ul className={styles.groupForms}>
              {children}
              {count === 0 && showEmpty ? (
                <li className={styles.emptyGroup}>{t("menu.emptyGroup")}</li>
              ) : null}
            </ul>,
          )}
    </li>
  );
}
