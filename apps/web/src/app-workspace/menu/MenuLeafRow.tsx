import type { CSSProperties, ReactNode, Ref } from "react";
import { NavLink } from "react-router";
import styles from "../workspace.module.css";
import type { LeafView } from "./use-menu-links";

/**
 * One form or dashboard in the menu. Plain for everyone; the administrators' editable menu (a separate
 * chunk) adds a drag handle, a row ref and transform for dragging, and an actions button.
 */
export function MenuLeafRow({
  view,
  nested,
  onPick,
  rowRef,
  style,
  dragging,
  handle,
  actions,
}: {
  view: LeafView;
  nested: boolean;
  onPick?: () => void;
  rowRef?: Ref<HTMLLIElement>;
  style?: CSSProperties;
  dragging?: boolean;
  handle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <li
      ref={rowRef}
      style={style}
      className={`${styles.row} ${dragging ? styles.dragging : ""}`}
      {...view.data}
    >
      {handle}
      <NavLink
        to={view.to}
        className={({ isActive }) =>
          `${styles.menuItem} ${nested ? styles.nested : ""} ${isActive ? styles.menuItemActive : ""}`
        }
        onClick={onPick}
      >
        {view.icon}
        <span className={styles.menuName}>{view.name}</span>
        {view.badge}
      </NavLink>
      {actions}
    </li>
  );
}
