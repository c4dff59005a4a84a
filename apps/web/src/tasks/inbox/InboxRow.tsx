import { ClockCircleOutlined, UserOutlined } from "@ant-design/icons";
import { Checkbox, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { localize } from "../../common/localized-text";
import type { Box, InboxItem } from "../api";
import { nodeLabel } from "../node-label";
import styles from "../tasks.module.css";
import { formatAgo, formatDuration } from "../time";
import { useDurationUnits } from "../use-units";

const STATUS_COLOR: Record<string, string> = {
  running: "processing",
  approved: "success",
  completed: "success",
  rejected: "error",
  withdrawn: "default",
  ended: "default",
};

/** Where a row leads: the task when there is one, else the record's flow. */
export function itemLink(item: InboxItem): string {
  return item.taskId
    ? `/tasks/${encodeURIComponent(item.taskId)}`
    : `/tasks/records/${item.formId}/${item.recordId}`;
}

export function InboxRow({
  item,
  box,
  now,
  selected,
  onSelect,
}: {
  item: InboxItem;
  box: Box;
  now: number;
  selected?: boolean;
  onSelect?: (on: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const units = useDurationUnits();
  const nodes = item.nodes.map((n) => nodeLabel(n, t, i18n.language)).join(t("tasks.separator"));
  const remaining = item.dueAt && box === "todo" ? Date.parse(item.dueAt) - now : undefined;
  const unread = box === "cc" && !item.readAt;
  return (
    <div className={`${styles.row} ${selected ? styles.rowSelected : ""}`} data-testid="inbox-row">
      {onSelect ? (
        <Checkbox
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          aria-label={t("tasks.select")}
          className={styles.rowCheck}
        />
      ) : null}
      <Link to={itemLink(item)} className={styles.rowMain}>
        <div className={styles.rowTitleLine}>
          {unread ? <span className={styles.unreadDot} /> : null}
          <span className={styles.rowTitle}>{item.title || t("tasks.untitled")}</span>
          <Tag className={styles.formTag}>{localize(item.formName, i18n.language)}</Tag>
        </div>
        <div className={styles.rowMeta}>
          <span>
            <UserOutlined /> {item.initiator?.name ?? t("tasks.publicSubmitter")}
          </span>
          {nodes ? <span>{t("tasks.atNode", { nodes })}</span> : null}
          <span>
            {formatAgo(
              box === "done" && item.completedAt ? item.completedAt : item.createdAt,
              now,
              i18n.language,
            )}
          </span>
        </div>
      </Link>
      <div className={styles.rowSide}>
        {box === "done" && item.action ? (
          <Tag>{t(`tasks.actions.${item.action}.done`, { defaultValue: item.action })}</Tag>
        ) : null}
        {box === "initiated" || box === "cc" ? (
          <Tag color={STATUS_COLOR[item.instanceStatus] ?? "default"}>
            {t(`tasks.instanceStatus.${item.instanceStatus}`, { defaultValue: item.instanceStatus })}
          </Tag>
        ) : null}
        {remaining !== undefined ? (
          <Tag
            color={remaining < 0 ? "error" : remaining < 86_400_000 ? "warning" : "default"}
            icon={<ClockCircleOutlined />}
          >
            {remaining < 0
              ? t("tasks.overdue", { time: formatDuration(remaining, units) })
              : t("tasks.dueIn", { time: formatDuration(remaining, units) })}
          </Tag>
        ) : null}
      </div>
    </div>
  );
}
