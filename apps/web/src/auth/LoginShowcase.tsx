import { CheckCircleFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Brand } from "../shell/Brand";
import styles from "./login.module.css";

const POINTS = ["login.heroPoint1", "login.heroPoint2", "login.heroPoint3"] as const;

/** The left half of the login page on wide screens: what the product is for. */
export function LoginShowcase() {
  const { t } = useTranslation();
  return (
    <aside className={styles.showcase}>
      <Brand inverted />
      <div>
        <h1 className={styles.heroTitle}>{t("login.heroTitle")}</h1>
        <p className={styles.heroText}>{t("login.heroText")}</p>
        <ul className={styles.points}>
          {POINTS.map((key) => (
            <li key={key}>
              <CheckCircleFilled /> {t(key)}
            </li>
          ))}
        </ul>
      </div>
      <span className={styles.tagline}>{t("brand.tagline")}</span>
    </aside>
  );
}
