import type { ReactNode } from "react";
import styles from "./status-message.module.css";

/**
 * A centred icon, title, explanation and action. Lighter than antd's Result, whose illustrations
 * would travel in every page's initial JavaScript.
 */
export function StatusMessage({
  icon,
  title,
  text,
  action,
}: {
  icon: ReactNode;
  title: string;
  text: string;
  action?: ReactNode;
}) {
  return (
    <div className={styles.status}>
      <span className={styles.icon}>{icon}</span>
      <h2 className={styles.title}>{title}</h2>
      <p className={styles.text}>{text}</p>
      {action && <div className={styles.action}>{action}</div>}
    </div>
  );
}
