// The designer's live companions: avatars of the other users who have this form's designer open, and a
// banner when one of them saved the draft or published after this designer was opened.
import type { FormChangedHint, PresentUser } from "@formwork/schema";
import { Alert, Button, Space, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import styles from "./realtime.module.css";

const SHOWN = 3;

export function PresenceAvatars({ others }: { others: PresentUser[] }) {
  const { t } = useTranslation();
  if (others.length === 0) return null;
  const names = others.map((u) => u.name).join(", ");
  return (
    <Tooltip title={t("realtime.presenceNames", { names })}>
      <span
        className={styles.stack}
        data-testid="designer-presence"
        role="img"
        aria-label={t("realtime.presence", { count: others.length })}
      >
        {others.slice(0, SHOWN).map((user) => (
          <span key={user.id} className={styles.avatar} style={{ background: colourOf(user.id) }}>
            {initialOf(user.name)}
          </span>
        ))}
        {others.length > SHOWN ? <span className={styles.more}>+{others.length - SHOWN}</span> : null}
      </span>
    </Tooltip>
  );
}

export function FormChangedBanner({
  changed,
  onDismiss,
}: {
  changed: FormChangedHint;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const title =
    changed.kind === "published"
      ? t("realtime.changedPublished", { name: changed.by.name, version: changed.version })
      : t("realtime.changedDraft", { name: changed.by.name });
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="form-changed-banner"
      title={title}
      description={t("realtime.changedHint")}
      action={
        <Space direction="vertical" size={4}>
          <Button size="small" type="primary" onClick={() => window.location.reload()}>
            {t("realtime.reload")}
          </Button>
          <Button size="small" onClick={onDismiss}>
            {t("realtime.dismiss")}
          </Button>
        </Space>
      }
    />
  );
}

function initialOf(name: string): string {
  return Array.from(name.trim())[0]?.toUpperCase() ?? "?";
}

const COLOURS = ["#1677ff", "#13a8a8", "#722ed1", "#eb2f96", "#fa8c16", "#52c41a"];

/** A stable colour per user, so the same person looks the same in every tab. */
function colourOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}
