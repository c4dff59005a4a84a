import type { FormRecord } from "@formwork/client";
import { FormRenderer } from "@formwork/renderer";
import type { FormDefinition, Locale } from "@formwork/schema";
import { Alert, App as AntdApp, Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useAppFieldServices } from "../api/use-field-services";
import { useCurrentUser } from "../api/use-session";
import { isVersionConflict } from "./failure-text";
import { useUpdateRecord } from "./use-records";

interface Props {
  formId: string;
  definition: FormDefinition;
  record: FormRecord;
  onSaved(): void;
  onCancel(): void;
  onReload(): void;
}

/**
 * The record in the form's own renderer, saved with the version it was read at: if someone saved in
 * between, the server answers 412 and we say so instead of overwriting their change.
 */
export function RecordEditor({ formId, definition, record, onSaved, onCancel, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = AntdApp.useApp();
  const { appId = "" } = useParams();
  const user = useCurrentUser();
  const update = useUpdateRecord(formId);
  const [conflict, setConflict] = useState(false);
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const services = useAppFieldServices(appId);

  const save = async (data: Record<string, unknown>) => {
    try {
      const saved = await update.mutateAsync({ record, data });
      message.success(t("data.saved"));
      onSaved();
      return { data: saved.data };
    } catch (error) {
      if (isVersionConflict(error)) setConflict(true);
      throw error;
    }
  };

  return (
    <div data-testid="record-editor">
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t("data.conflict")}
          description={t("data.conflictHint")}
          action={
            <Button
              size="small"
              onClick={() => {
                setConflict(false);
                onReload();
              }}
            >
              {t("data.reload")}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <FormRenderer
        // A reloaded record starts the form over from the new values.
        key={`${record.id}:${record.version}`}
        form={definition}
        mode="edit"
        value={record.data}
        recordId={record.id}
        locale={locale}
        services={services}
        user={{ id: user.id }}
        onSubmit={save}
      />
      <Space style={{ marginTop: 12 }}>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </Space>
    </div>
  );
}
