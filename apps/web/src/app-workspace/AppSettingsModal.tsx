import type { App } from "@formwork/client";
import { App as AntdApp, Button, Form, Input, Popconfirm } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useDeleteApp, useUpdateApp } from "../api/use-apps";
import { AppLookFields, type AppLookValues } from "../apps/AppLookFields";
import { errorMessage } from "../common/error-message";
import { FormModal } from "../common/FormModal";
import styles from "./workspace.module.css";

// Export, import and upgrade live in the gallery's chunk with their texts.
const BundleSection = lazy(() =>
  import("../templates/texts")
    .then((texts) => texts.textsReady)
    .then(() => import("../templates/BundleSection"))
    .then((m) => ({ default: m.BundleSection })),
);

interface AppValues extends AppLookValues {
  description?: string;
}

/** Rename, describe, pick the icon and colour of an app, or delete it (administrators). */
export function AppSettingsModal({ app, onClose }: { app: App; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<AppValues>();
  const update = useUpdateApp(app.id);
  const remove = useDeleteApp(app.id);
  const fail = (error: unknown) => void message.error(errorMessage(error, t));

  const save = (values: AppValues) =>
    update.mutate(
      {
        name: values.name.trim(),
        description: values.description?.trim() || null,
        icon: values.icon ?? null,
        colour: values.colour ?? null,
      },
      {
        onSuccess: () => {
          void message.success(t("appSettings.saved"));
          onClose();
        },
        onError: fail,
      },
    );

  const deleteApp = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        void message.success(t("appSettings.deleted", { name: app.name }));
        navigate("/apps", { replace: true });
      },
      onError: fail,
    });

  const dangerZone = (
    <section className={styles.danger}>
      <div>
        <strong>{t("appSettings.dangerZone")}</strong>
        <p>{t("appSettings.deleteText")}</p>
      </div>
      <Popconfirm
        title={t("appSettings.deleteConfirm", { name: app.name })}
        okText={t("appSettings.delete")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: true, loading: remove.isPending }}
        onConfirm={deleteApp}
      >
        <Button danger>{t("appSettings.delete")}</Button>
      </Popconfirm>
    </section>
  );

  return (
    <FormModal<AppValues>
      title={t("appSettings.title")}
      okText={t("common.save")}
      name="app-settings"
      form={form}
      pending={update.isPending}
      initialValues={{
        name: app.name,
        description: app.description ?? "",
        icon: (app.icon as AppValues["icon"]) ?? null,
        colour: app.colour,
      }}
      onFinish={save}
      onClose={onClose}
      footerExtra={dangerZone}
    >
      <Form.Item
        name="name"
        label={t("createApp.name")}
        rules={[{ required: true, whitespace: true, message: t("createApp.nameRequired") }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t("createApp.description")}>
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <AppLookFields appId={app.id} />
      <Suspense fallback={<div className={styles.bundlePlaceholder} />}>
        <BundleSection app={app} />
      </Suspense>
    </FormModal>
  );
}
