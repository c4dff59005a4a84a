import type { ReactNode } from "react";
import styles from "../flows.module.css";

/** A titled group of settings in the node panel. */
export function Section({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className={styles.section}>
      <header className={styles.sectionHeader}>
        <h4 className={styles.sectionTitle}>{title}</h4>
        {extra}
      </header>
      {children}
    </section>
  );
}
