import type { App } from "@formwork/client";
import { App as AntdApp, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { useCreateApp } from "../api/use-apps";
import { errorMessage } from "../common/error-message";

interface NewAppValues {
  name: string;
  description?: string;
}

export function CreateAppModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (app: App) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<NewAppValues>();
  const create = useCreateApp();

  const submit = (values: NewAppValues) =>
    create.mutate(
      { name: values.name.trim(), description: values.description?.trim() || null },
      {
        onSuccess: (app) => {
          void message.success(t("createApp.created", { name: app.name }));
          form.resetFields();
          onCreated(app);
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  return (
    <Modal
      open={open}
      title={t("createApp.title")}
      okText={t("common.create")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<NewAppValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        name="create-app"
        requiredMark={false}
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
      </Form>
    </Modal>
  );
}
