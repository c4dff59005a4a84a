import { lazy, Suspense } from "react";
import { type AppLook, appAppearance } from "./app-appearance";
import styles from "./apps.module.css";

const AppGlyph = lazy(() => import("./AppGlyph"));

/** The app's coloured tile with its icon, or its initial when it has none (or while the icon loads). */
export function AppAvatar({ app, size = 44 }: { app: AppLook; size?: number }) {
  const { colour, initial, icon } = appAppearance(app);
  return (
    <span
      className={styles.avatar}
      style={{ background: colour, width: size, height: size, fontSize: size * (icon ? 0.5 : 0.45) }}
      aria-hidden="true"
      data-testid="app-avatar"
      data-app-icon={icon}
      data-colour={colour}
    >
      {icon ? (
        <Suspense fallback={<span className={styles.avatarPending} />}>
          <AppGlyph icon={icon} />
        </Suspense>
      ) : (
        initial
      )}
    </span>
  );
}
