import type { App } from "@formwork/client";
import { App as AntdApp, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { useCreateApp } from "../api/use-apps";
import { errorMessage } from "../common/error-message";
import { FormModal } from "../common/FormModal";
import { AppLookFields, type AppLookValues } from "./AppLookFields";

interface NewAppValues extends AppLookValues {
  description?: string;
}

export function CreateAppModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (app: App) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<NewAppValues>();
  const create = useCreateApp();

  const submit = (values: NewAppValues) =>
    create.mutate(
      {
        name: values.name.trim(),
        description: values.description?.trim() || null,
        icon: values.icon ?? null,
        colour: values.colour ?? null,
      },
      {
        onSuccess: (app) => {
          void message.success(t("createApp.created", { name: app.name }));
          onCreated(app);
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  return (
    <FormModal<NewAppValues>
      title={t("createApp.title")}
      name="create-app"
      form={form}
      pending={create.isPending}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t("createApp.name")}
        rules={[{ required: true, whitespace: true, message: t("createApp.nameRequired") }]}
      >
        <Input placeholder={t("createApp.namePlaceholder")} maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t("createApp.description")}>
        <Input.TextArea
          placeholder={t("createApp.descriptionPlaceholder")}
          maxLength={5000}
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
      </Form.Item>
      <AppLookFields />
    </FormModal>
  );
}
