import { appAppearance } from "./app-appearance";
import styles from "./apps.module.css";

/** The app's coloured tile with its initial. */
export function AppAvatar({ app, size = 44 }: { app: { id: string; name: string }; size?: number }) {
  const { colour, initial } = appAppearance(app);
  return (
    <span
      className={styles.avatar}
      style={{ background: colour, width: size, height: size, fontSize: size * 0.45 }}
      aria-hidden="true"
    >
      {initial}
    </span>
  );
}
