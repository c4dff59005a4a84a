import { Image, Timeline } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { localize } from "../../common/localized-text";
import { formatDateTime } from "../../data/record-columns";
import type { LogEntry, NodeRef } from "../api";
import { logActionKey } from "../log-action";
import { nodeLabel } from "../node-label";
import styles from "../tasks.module.css";
import { formatDuration } from "../time";
import { useDurationUnits } from "../use-units";

const COLOR: Record<string, string> = {
  approve: "green",
  submit: "green",
  start: "blue",
  reject: "red",
  return: "orange",
  withdraw: "gray",
  end: "gray",
};

/** The full log, oldest first: who did what at which node, when, with their comment, signature and time taken. */
export function FlowLog({ log, nodes }: { log: LogEntry[]; nodes: NodeRef[] }) {
  const { t, i18n } = useTranslation();
  const units = useDurationUnits();
  return (
    <Timeline
      className={styles.log}
      data-testid="flow-log"
      items={log.map((entry) => ({
        key: entry.id,
        color: COLOR[entry.action] ?? "blue",
        content: (
          <div className={styles.logEntry} data-testid="flow-log-entry">
            <div className={styles.logHead}>
              <strong>
                {entry.actor?.name ??
                  (entry.detail?.public === true ? t("tasks.publicSubmitter") : t("tasks.system"))}
              </strong>
              <span className={styles.logAction}>
                {t(logActionKey(entry), { defaultValue: entry.action })}
              </span>
              {entry.nodeId ? (
                <span className={styles.logNode}>
                  {nodeLabel(
                    nodes.find((n) => n.id === entry.nodeId),
                    t,
                    i18n.language,
                  ) || localize(entry.nodeName ?? entry.nodeId, i18n.language)}
                </span>
              ) : null}
            </div>
            <div className={styles.logMeta}>
              {formatDateTime(entry.at, i18n.language)}
              {entry.durationMs !== null && entry.durationMs > 0
                ? ` · ${t("tasks.took", { time: formatDuration(entry.durationMs, units) })}`
                : null}
            </div>
            {entry.comment ? <blockquote className={styles.logComment}>{entry.comment}</blockquote> : null}
            {entry.signature?.fileId ? (
              <Image
                className={styles.logSignature}
                src={api.files.url(entry.signature.fileId)}
                alt={t("tasks.signature")}
                height={48}
              />
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
