import { FileTextOutlined } from "@ant-design/icons";
import type { FormSummary } from "@formwork/client";
import type { CSSProperties, ReactNode, Ref } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import styles from "../workspace.module.css";

/**
 * One form in the menu. Plain for everyone; the administrators' editable menu (a separate chunk) adds
 * a drag handle, a row ref and transform for dragging, and an actions button.
 */
export function MenuFormRow({
  form,
  name,
  to,
  nested,
  onPick,
  rowRef,
  style,
  dragging,
  handle,
  actions,
}: {
  form: FormSummary;
  name: string;
  to: string;
  nested: boolean;
  onPick?: () => void;
  rowRef?: Ref<HTMLLIElement>;
  style?: CSSProperties;
  dragging?: boolean;
  handle?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li
      ref={rowRef}
      style={style}
      className={`${styles.row} ${dragging ? styles.dragging : ""}`}
      data-testid="menu-form"
      data-form-id={form.id}
    >
      {handle}
      <NavLink
        to={to}
        className={({ isActive }) =>
          `${styles.menuItem} ${nested ? styles.nested : ""} ${isActive ? styles.menuItemActive : ""}`
        }
        onClick={onPick}
      >
        <FileTextOutlined />
        <span className={styles.menuName}>{name}</span>
        {form.publishedVersion === 0 && (
          <span className={styles.unpublishedDot} title={t("workspace.unpublished")} />
        )}
      </NavLink>
      {actions}
    </li>
  );
}
