import type { FormRecord, Revision } from "@formwork/client";
import type { Locale } from "@formwork/schema";
import { Timeline } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../api/use-session";
import { ErrorState } from "../common/ErrorState";
import { localize } from "../common/localized-text";
import { PageLoading } from "../common/PageLoading";
import styles from "./data.module.css";
import { diffRecords, listSeparator, orgText } from "./org-names";
import { formatDateTime, formatValue, type GridColumn } from "./record-columns";
import { useOrgNames } from "./use-org-names";
import { useRecordHistory } from "./use-records";

interface Props {
  formId: string;
  record: FormRecord;
  columns: GridColumn[];
  enabled: boolean;
}

/** Who changed the record, when, and each field from → to, newest first. */
export function RecordHistory({ formId, record, columns, enabled }: Props) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const user = useCurrentUser();
  // Its key sits under the form's records, so a save or restore refetches it.
  const history = useRecordHistory(formId, record.id, enabled);
  const changed = useMemo(() => diffRecords((history.data ?? []).map((r) => r.diff)), [history.data]);
  const names = useOrgNames(changed, columns);
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <PageLoading />;

  const byId = new Map(columns.map((c) => [c.id, c]));
  const actorName = (actor: string | null) =>
    actor === null ? t("data.history.system") : actor === user.id ? t("data.history.you") : actor.slice(0, 8);
  const show = (fieldId: string, value: unknown) => {
    const field = byId.get(fieldId)?.field;
    const named = field ? orgText(value, field, names, listSeparator(locale)) : null;
    const text =
      named ?? (field ? formatValue(value, field, locale) : value == null ? "" : JSON.stringify(value));
    return text === "" ? t("data.blank") : text;
  };
  const label = (fieldId: string) => {
    const field = byId.get(fieldId)?.field;
    return field ? localize(field.label, i18n.language) : fieldId;
  };
  const revisions: Revision[] = [...history.data].sort((a, b) => b.version - a.version);

  return (
    <Timeline
      className={styles.history}
      data-testid="record-history"
      items={revisions.map((revision) => ({
        key: revision.id,
        color: revision.action === "delete" ? "red" : revision.action === "create" ? "green" : "blue",
        content: (
          <div>
            <div className={styles.historyHead}>
              {t(`data.history.actions.${revision.action}`, { who: actorName(revision.actor) })}
            </div>
            <div className={styles.historyTime}>{formatDateTime(revision.at, locale)}</div>
            {revision.action === "update" ? <Changes diff={revision.diff} label={label} show={show} /> : null}
          </div>
        ),
      }))}
    />
  );
}

interface ChangesProps {
  diff: Revision["diff"];
  label(fieldId: string): string;
  show(fieldId: string, value: unknown): string;
}

/** Each changed field, from → to; a save that changed nothing says so rather than showing an empty list. */
function Changes({ diff, label, show }: ChangesProps) {
  const { t } = useTranslation();
  const entries = Object.entries(diff);
  if (entries.length === 0) return <div className={styles.muted}>{t("data.history.noChanges")}</div>;
  return (
    <ul className={styles.diff}>
      {entries.map(([fieldId, change]) => (
        <li key={fieldId}>
          <strong>{label(fieldId)}</strong>
          {": "}
          <span className={styles.from}>{show(fieldId, change.from)}</span>
          {" → "}
          <span>{show(fieldId, change.to)}</span>
        </li>
      ))}
    </ul>
  );
}
