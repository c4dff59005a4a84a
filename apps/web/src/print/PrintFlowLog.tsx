import type { PrintView } from "@formwork/client";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../data/record-columns";
import { logActionKey } from "../tasks/log-action";
import { nodeLabel } from "../tasks/node-label";
import styles from "./print.module.css";

type Flow = NonNullable<PrintView["flow"]>;

/** Actions worth a row on paper: what people decided, not the engine's bookkeeping. */
const PRINTED = new Set([
  "start",
  "submit",
  "approve",
  "reject",
  "return",
  "transfer",
  "addSigner",
  "withdraw",
  "autoPass",
  "changeAssignee",
  "end",
  "reactivate",
  "finish",
]);

/** The flow log as a table: node, who, decision, comment, time and the handwritten signature. */
export function PrintFlowLog({ log, nodes }: { log: Flow["log"]; nodes: Flow["chart"]["nodes"] }) {
  const { t, i18n } = useTranslation();
  const rows = log.filter((e) => PRINTED.has(e.action));
  return (
    <table className={styles.table} data-testid="print-log">
      <thead>
        <tr>
          <th>{t("print.log.node")}</th>
          <th>{t("print.log.actor")}</th>
          <th>{t("print.log.decision")}</th>
          <th>{t("print.log.comment")}</th>
          <th>{t("print.log.time")}</th>
          <th>{t("print.log.signature")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((entry) => (
          <tr key={entry.id} data-testid="print-log-row">
            <td>
              {nodeLabel(
                nodes.find((n) => n.id === entry.nodeId),
                t,
                i18n.language,
              )}
            </td>
            <td>
              {entry.actor?.name ??
                (entry.detail?.public === true ? t("tasks.publicSubmitter") : t("tasks.system"))}
            </td>
            <td>{t(logActionKey(entry), { defaultValue: entry.action })}</td>
            <td className={styles.comment}>{entry.comment ?? ""}</td>
            <td className={styles.nowrap}>{formatDateTime(entry.at, i18n.language)}</td>
            <td>
              {entry.signatureImage ? (
                <img className={styles.signature} src={entry.signatureImage} alt={t("tasks.signature")} />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
