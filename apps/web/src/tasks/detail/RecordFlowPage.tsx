import { ArrowLeftOutlined } from "@ant-design/icons";
import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { RecordFlowPanel } from "../record-flow/RecordFlowPanel";
import styles from "../tasks.module.css";

/** A record's flow without a task of one's own (the initiator's "我发起的" box): chart, log, withdraw, urge. */
export function Component() {
  const { t } = useTranslation();
  const { formId = "", recordId = "" } = useParams();
  return (
    <div className={styles.page} data-testid="record-flow-page">
      <header className={styles.taskHeader}>
        <Link to="/tasks?box=initiated" className={styles.back}>
          <ArrowLeftOutlined /> {t("tasks.back")}
        </Link>
        <h1 className={styles.pageTitle}>{t("tasks.flow.title")}</h1>
      </header>
      <Card size="small">
        <RecordFlowPanel formId={formId} recordId={recordId} />
      </Card>
    </div>
  );
}
