import { useTranslation } from "react-i18next";
import styles from "./shell.module.css";

/** The product mark and name; `inverted` for dark or coloured backgrounds. */
export function Brand({ inverted = false }: { inverted?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={inverted ? `${styles.brand} ${styles.brandInverted}` : styles.brand}>
      <svg className={styles.brandMark} viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path d="M10 9h12v3H13.5v3H20v3h-6.5v5H10z" fill="#fff" />
      </svg>
      <span className={styles.brandName}>{t("brand.name")}</span>
    </span>
  );
}
