import type { App } from "@formwork/client";
import { Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AppAvatar } from "./AppAvatar";
import styles from "./apps.module.css";

export function AppCard({ app }: { app: App }) {
  const { t, i18n } = useTranslation();
  const updated = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" }).format(
    new Date(app.updatedAt),
  );
  return (
    <Link to={`/apps/${app.id}`} aria-label={t("apps.open", { name: app.name })} className={styles.cardLink}>
      <Card hoverable className={styles.card} data-testid="app-card">
        <div className={styles.cardHead}>
          <AppAvatar app={app} />
          <div className={styles.cardTitle}>
            <Typography.Text strong ellipsis>
              {app.name}
            </Typography.Text>
            <Typography.Text type="secondary" className={styles.cardMeta}>
              {t("apps.updatedAt", { date: updated })}
            </Typography.Text>
          </div>
        </div>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className={styles.cardDescription}>
          {app.description || t("apps.noDescription")}
        </Typography.Paragraph>
      </Card>
    </Link>
  );
}
