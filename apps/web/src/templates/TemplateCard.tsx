import type { GalleryTemplate } from "@formwork/client";
import { Button, Card, Image, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { AppAvatar } from "../apps/AppAvatar";
import { localize as localized } from "../common/localized-text";
import styles from "./templates.module.css";

const SECTIONS = ["forms", "flows", "dashboards", "automations", "permissionSets"] as const;

export function TemplateCard({
  template,
  canInstall,
  onInstall,
}: {
  template: GalleryTemplate;
  canInstall: boolean;
  onInstall: () => void;
}) {
  const { t, i18n } = useTranslation();
  const title = localized(template.manifest.title, i18n.language);
  return (
    <Card className={styles.card} data-testid={`template-${template.name}`}>
      <div className={styles.head}>
        <AppAvatar
          app={{
            id: template.name,
            name: title,
            icon: template.manifest.icon ?? null,
            colour: template.manifest.colour ?? null,
          }}
          size={52}
        />
        <div className={styles.title}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t("templates.version", { version: template.manifest.version })}
          </Typography.Text>
        </div>
      </div>
      <Typography.Paragraph
        type="secondary"
        ellipsis={{ rows: 3 }}
        className={styles.description}
        style={{ margin: 0 }}
      >
        {localized(template.manifest.description, i18n.language)}
      </Typography.Paragraph>
      {template.screenshots.length > 0 && (
        <Image.PreviewGroup>
          <Space size={8} wrap className={styles.shots}>
            {template.screenshots.map((src) => (
              <Image
                key={src}
                src={src}
                width={96}
                height={60}
                className={styles.shot}
                alt={t("templates.screenshot")}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      <Space size={[4, 4]} wrap className={styles.tags}>
        {SECTIONS.filter((s) => (template.sections[s] ?? 0) > 0).map((s) => (
          <Tag key={s}>{t(`templates.sections.${s}`, { count: template.sections[s] })}</Tag>
        ))}
        {template.sampleRecords > 0 && (
          <Tag color="blue">{t("templates.sampleRecords", { count: template.sampleRecords })}</Tag>
        )}
      </Space>
      <div className={styles.actions}>
        <Button
          type="primary"
          block
          disabled={!canInstall}
          onClick={onInstall}
          data-testid="template-install"
        >
          {canInstall ? t("templates.install") : t("templates.adminsOnly")}
        </Button>
      </div>
    </Card>
  );
}
