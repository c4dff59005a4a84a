import { LockOutlined, PlusOutlined } from "@ant-design/icons";
import type { PermissionSet } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { Alert, App as AntdApp, Button, Card, Popconfirm, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState } from "../common/ErrorState";
import { errorMessage } from "../common/error-message";
import { PageLoading } from "../common/PageLoading";
import { StatusMessage } from "../common/StatusMessage";
import { usePublishedForm } from "../data/use-published-form";
import styles from "./permissions.module.css";
import { SetEditor } from "./SetEditor";
import { usePermissionSets, useRemoveSet } from "./use-permissions";

/** The permissions tab: the form's permission sets, each editable in a drawer. */
export function Component() {
  const { t } = useTranslation();
  const { appId = "", formId = "" } = useParams();
  const { version, published } = usePublishedForm(appId, formId);
  if (version === 0) {
    return (
      <StatusMessage
        icon={<LockOutlined />}
        title={t("permissions.title")}
        text={t("permissions.notPublished")}
      />
    );
  }
  if (published.isError)
    return <ErrorState error={published.error} onRetry={() => void published.refetch()} />;
  const definition = published.data?.definition;
  if (!definition) return <PageLoading />;
  return <PermissionSets formId={formId} definition={definition} />;
}

function PermissionSets({ formId, definition }: { formId: string; definition: FormDefinition }) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const sets = usePermissionSets(formId);
  const remove = useRemoveSet();
  const [editing, setEditing] = useState<PermissionSet | "new" | null>(null);
  if (sets.isError) return <ErrorState error={sets.error} onRetry={() => void sets.refetch()} />;
  if (!sets.data) return <PageLoading />;
  return (
    <div className={styles.page}>
      <div className={styles.intro}>
        <div>
          <h2>{t("permissions.title")}</h2>
          <p className={styles.muted}>{t("permissions.subtitle")}</p>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing("new")}
          data-testid="add-permission-set"
        >
          {t("permissions.add")}
        </Button>
      </div>
      {sets.data.length === 0 ? (
        <Alert type="warning" showIcon message={t("permissions.closed")} data-testid="permissions-closed" />
      ) : null}
      <div className={styles.sets}>
        {sets.data.map((set) => (
          <Card key={set.id} size="small" data-testid="permission-set">
            <div className={styles.setHead}>
              <span className={styles.setName}>{set.name}</span>
              <Tag color="blue">{t(`permissions.kinds.${set.kind}`)}</Tag>
              <Tag>{set.rowCondition ? t("permissions.rowScoped") : t("permissions.allRows")}</Tag>
              <Space style={{ marginLeft: "auto" }}>
                <Button size="small" onClick={() => setEditing(set)}>
                  {t("permissions.edit")}
                </Button>
                <Popconfirm
                  title={t("permissions.removeConfirm", { name: set.name })}
                  onConfirm={() =>
                    remove.mutate(set.id, {
                      onSuccess: () => void message.success(t("permissions.removed")),
                      onError: (error) => void message.error(errorMessage(error, t)),
                    })
                  }
                >
                  <Button size="small" danger>
                    {t("permissions.remove")}
                  </Button>
                </Popconfirm>
              </Space>
            </div>
            <div className={styles.tags}>
              {set.actions.map((action) => (
                <Tag key={action} bordered={false}>
                  {t(`permissions.actions.${action}`)}
                </Tag>
              ))}
            </div>
            <p className={styles.muted}>
              {set.members.some((m) => m.type === "all")
                ? t("permissions.membersAll")
                : set.members.length === 0
                  ? t("permissions.membersNone")
                  : t("permissions.membersSummary", {
                      users: set.members.filter((m) => m.type === "user").length,
                      departments: set.members.filter((m) => m.type === "department").length,
                      roles: set.members.filter((m) => m.type === "role").length,
                    })}
            </p>
          </Card>
        ))}
      </div>
      {editing ? (
        <SetEditor
          formId={formId}
          definition={definition}
          set={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
