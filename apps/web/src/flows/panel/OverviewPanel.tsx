import { CheckCircleFilled, ExclamationCircleFilled } from "@ant-design/icons";
import { Alert, Button, Popconfirm } from "antd";
import { useTranslation } from "react-i18next";
import { useFlowEditor } from "../flow-context";
import styles from "../flows.module.css";
import { nodeById } from "../model/flow-edit";
import { nodeTitle } from "./node-title";

/** Nothing selected: what is wrong with the flow (click to go there), and switching the flow off. */
export function OverviewPanel({ onDisable }: { onDisable: () => void }) {
  const { t, i18n } = useTranslation();
  const { flow, issues, select } = useFlowEditor();
  const located = [
    ...[...issues.nodes].map(([id, list]) => ({
      target: { node: id },
      title: nodeTitle(nodeById(flow, id), t, i18n.language),
      list,
    })),
    ...[...issues.edges].map(([id, list]) => ({ target: { edge: id }, title: t("flows.edge"), list })),
  ];
  const count = issues.general.length + located.reduce((n, l) => n + l.list.length, 0);
  return (
    <div className={styles.panelBody} data-testid="flow-overview">
      {count === 0 ? (
        <Alert type="success" showIcon icon={<CheckCircleFilled />} title={t("flows.overview.valid")} />
      ) : (
        <Alert
          type="error"
          showIcon
          icon={<ExclamationCircleFilled />}
          title={t("flows.overview.issues", { count })}
          data-testid="flow-issue-count"
        />
      )}
      <ul className={styles.problemList}>
        {issues.general.map((p) => (
          <li key={p.code + p.path}>{t(`flows.issues.${p.code}`, { defaultValue: p.message })}</li>
        ))}
        {located.flatMap(({ target, title, list }) =>
          list.map((p) => (
            <li key={p.code + p.path}>
              <button type="button" className={styles.linkButton} onClick={() => select(target)}>
                <strong>{title}</strong> {t(`flows.issues.${p.code}`, { defaultValue: p.message })}
              </button>
            </li>
          )),
        )}
      </ul>
      <p className={styles.muted}>{t("flows.overview.hint")}</p>
      <Popconfirm
        title={t("flows.disableConfirm")}
        okText={t("flows.disable")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: true }}
        onConfirm={onDisable}
      >
        <Button danger block>
          {t("flows.disable")}
        </Button>
      </Popconfirm>
    </div>
  );
}
