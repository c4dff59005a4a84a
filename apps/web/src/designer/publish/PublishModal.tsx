import { WarningOutlined } from "@ant-design/icons";
import { validateDefinition } from "@formwork/fields";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, List, Modal, Spin, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { errorMessage } from "../../common/error-message";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import type { Autosave } from "../save/use-autosave";
import { useDesigner } from "../state/designer-context";
import { definitionChanges } from "./definition-changes";
import { issueTarget } from "./issue-target";

interface PublishModalProps {
  open: boolean;
  onClose: () => void;
  formId: string;
  appId: string;
  publishedVersion: number;
  save: Autosave;
  /** Opens the flow designer, where flow issues are marked on their nodes and edges. */
  onShowFlow?: () => void;
}

/** Validate, show what changes against the published version (warning on incompatible types), publish. */
export function PublishModal({
  open,
  onClose,
  formId,
  appId,
  publishedVersion,
  save,
  onShowFlow,
}: PublishModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { definition, select } = useDesigner();
  const [publishing, setPublishing] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const checked = useMemo(() => (open ? validateDefinition(definition) : undefined), [open, definition]);
  const published = useQuery({
    queryKey: ["forms", formId, "versions", publishedVersion],
    queryFn: () => api.forms.version(formId, publishedVersion),
    enabled: open && publishedVersion > 0,
  });
  const changes = useMemo(
    () => definitionChanges(publishedVersion > 0 ? published.data?.definition : undefined, definition),
    [published.data, definition, publishedVersion],
  );
  const incompatible = changes.typeChanges.filter((c) => c.incompatible);
  const label = (f: { label: Parameters<typeof localize>[0]; id: string }) =>
    localize(f.label, i18n.language) || f.id;

  const publish = async () => {
    setPublishing(true);
    setFailure(undefined);
    try {
      await save.flush();
      const { version } = await api.forms.publish(formId);
      await queryClient.invalidateQueries({ queryKey: ["apps", appId] });
      message.success(t("designer.publish.done", { version }));
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setPublishing(false);
    }
  };

  const issues = checked && !checked.ok ? checked.issues : [];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={640}
      title={t("designer.publish.title")}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t("common.cancel")}
        </Button>,
        <Button
          key="publish"
          type="primary"
          danger={incompatible.length > 0}
          loading={publishing}
          disabled={issues.length > 0 || published.isLoading}
          onClick={publish}
          data-testid="publish-confirm"
        >
          {incompatible.length > 0 ? t("designer.publish.confirmAnyway") : t("designer.publish.confirm")}
        </Button>,
      ]}
    >
      {issues.length > 0 ? (
        <>
          <Alert type="error" showIcon message={t("designer.publish.issues", { count: issues.length })} />
          <List
            size="small"
            className={styles.issueList}
            dataSource={issues}
            renderItem={(issue) => {
              const target = issueTarget(definition, issue.path);
              // A flow issue is fixed on the flow canvas, which outlines the node or edge it is about.
              const inFlow = issue.path.startsWith("/flow") && onShowFlow !== undefined;
              return (
                <List.Item>
                  <button
                    type="button"
                    className={styles.issueButton}
                    disabled={!target && !inFlow}
                    onClick={() => {
                      if (target) select(target);
                      if (inFlow) onShowFlow();
                      onClose();
                    }}
                  >
                    <code>{issue.path || "/"}</code>{" "}
                    {inFlow
                      ? t(`flows.issues.${issue.code}`, { defaultValue: issue.message })
                      : issue.message}
                  </button>
                </List.Item>
              );
            }}
          />
        </>
      ) : published.isLoading ? (
        <Spin />
      ) : (
        <div className={styles.stack} data-testid="publish-summary">
          <p>
            {publishedVersion > 0
              ? t("designer.publish.against", { version: publishedVersion })
              : t("designer.publish.first")}
          </p>
          <div className={styles.changeTags}>
            <Tag color="green">{t("designer.publish.added", { count: changes.added.length })}</Tag>
            <Tag color="blue">{t("designer.publish.changed", { count: changes.changed.length })}</Tag>
            <Tag color="red">{t("designer.publish.removed", { count: changes.removed.length })}</Tag>
          </div>
          {[
            ["added", changes.added],
            ["changed", changes.changed],
            ["removed", changes.removed],
          ].map(([kind, list]) =>
            (list as typeof changes.added).length > 0 ? (
              <div key={kind as string} className={styles.changeList}>
                <strong>{t(`designer.publish.${kind}Title`)}</strong>{" "}
                {(list as typeof changes.added).map((f) => label(f)).join(t("designer.publish.separator"))}
              </div>
            ) : null,
          )}
          {changes.removed.length > 0 ? (
            <Alert type="warning" showIcon message={t("designer.publish.removedWarning")} />
          ) : null}
          {incompatible.map((change) => (
            <Alert
              key={change.id}
              type="error"
              showIcon
              icon={<WarningOutlined />}
              message={t("designer.publish.incompatible", {
                id: change.id,
                from: change.from,
                to: change.to,
              })}
            />
          ))}
        </div>
      )}
      {failure ? (
        <Alert className={styles.publishError} type="error" showIcon message={errorMessage(failure, t)} />
      ) : null}
    </Modal>
  );
}
