import type { AppWithForms, WebhookSubscription } from "@formwork/client";
import { WEBHOOK_EVENTS } from "@formwork/schema";
import { Alert, App as AntdApp, Checkbox, Form, Input, Modal, Select, Switch, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../common/error-message";
import { FormModal } from "../common/FormModal";
import { localize } from "../common/localized-text";
import { useCreateWebhook, useUpdateWebhook } from "./use-webhooks";

interface Values {
  name: string;
  url: string;
  events: string[];
  formIds: string[];
  enabled: boolean;
}

/** Creates a subscription (then shows its secret once) or edits one (the secret stays hidden). */
export function WebhookFormModal({
  app,
  editing,
  onClose,
}: {
  app: AppWithForms;
  editing?: WebhookSubscription;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateWebhook(app.id);
  const update = useUpdateWebhook(app.id);
  const [secret, setSecret] = useState<string>();

  if (secret) return <SecretModal secret={secret} onClose={onClose} />;

  const save = (values: Values) => {
    const input = { ...values, name: values.name.trim(), url: values.url.trim() } as Parameters<
      typeof create.mutate
    >[0];
    const fail = (error: unknown) => void message.error(errorMessage(error, t));
    if (editing) {
      update.mutate(
        { id: editing.id, changes: input },
        {
          onSuccess: () => {
            void message.success(t("webhooks.saved"));
            onClose();
          },
          onError: fail,
        },
      );
    } else {
      create.mutate(input, { onSuccess: (created) => setSecret(created.secret), onError: fail });
    }
  };

  return (
    <FormModal<Values>
      title={editing ? t("webhooks.edit") : t("webhooks.new")}
      okText={editing ? t("common.save") : undefined}
      name="webhook"
      form={form}
      pending={create.isPending || update.isPending}
      initialValues={{
        name: editing?.name ?? "",
        url: editing?.url ?? "",
        events: editing?.events ?? ["record.created"],
        formIds: editing?.formIds ?? [],
        enabled: editing?.enabled ?? true,
      }}
      onFinish={save}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t("webhooks.name")}
        rules={[{ required: true, whitespace: true, max: 200 }]}
      >
        <Input placeholder={t("webhooks.namePlaceholder")} maxLength={200} />
      </Form.Item>
      <Form.Item
        name="url"
        label={t("webhooks.url")}
        extra={t("webhooks.urlHint")}
        rules={[{ required: true, pattern: /^https?:\/\/\S+$/i, message: t("webhooks.urlInvalid") }]}
      >
        <Input placeholder="https://example.com/formwork" inputMode="url" data-testid="webhook-url" />
      </Form.Item>
      <Form.Item
        name="events"
        label={t("webhooks.events")}
        rules={[{ required: true, type: "array", min: 1, message: t("webhooks.eventsRequired") }]}
      >
        <Checkbox.Group
          style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: 6 }}
        >
          {WEBHOOK_EVENTS.map((event) => (
            <Checkbox key={event} value={event} data-testid={`webhook-event-${event}`}>
              {t(`webhooks.eventNames.${event.replace(".", "_")}`)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="formIds" label={t("webhooks.forms")} extra={t("webhooks.formsHint")}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t("webhooks.allForms")}
          options={app.forms.map((f) => ({ value: f.id, label: localize(f.name, i18n.language) }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="enabled" label={t("webhooks.enabled")} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

/** The signing secret, shown once after create or rotation. */
export function SecretModal({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <OnceModal title={t("webhooks.secretTitle")} onClose={onClose} okText={t("webhooks.done")}>
      <Alert type="warning" showIcon message={t("webhooks.secretOnce")} style={{ marginBottom: 12 }} />
      <Typography.Paragraph
        copyable={{ text: secret }}
        code
        data-testid="webhook-secret"
        style={{ wordBreak: "break-all" }}
      >
        {secret}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t("webhooks.secretHowTo")}</Typography.Text>
    </OnceModal>
  );
}

function OnceModal(props: { title: string; okText: string; onClose: () => void; children: ReactNode }) {
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      onOk={props.onClose}
      onCancel={props.onClose}
      cancelButtonProps={{ style: { display: "none" } }}
    >
      {props.children}
    </Modal>
  );
}
