import type { Form as ApiForm } from "@formwork/client";
import { App as AntdApp, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { useCreateForm } from "../api/use-apps";
import { errorMessage } from "../common/error-message";
import { FormModal } from "../common/FormModal";
import { FORM_KEY_MAX_LENGTH, isFormKey, suggestFormKey } from "./form-key";

interface NewFormValues {
  name: string;
  key: string;
}

/** Creates an empty draft form; its fields are added in the designer. */
export function CreateFormModal({
  appId,
  takenKeys,
  onClose,
  onCreated,
}: {
  appId: string;
  takenKeys: readonly string[];
  onClose: () => void;
  onCreated: (form: ApiForm) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<NewFormValues>();
  const create = useCreateForm(appId);

  const submit = (values: NewFormValues) =>
    create.mutate(
      { key: values.key, name: values.name.trim(), fields: [] },
      {
        onSuccess: (created) => {
          void message.success(t("createForm.created", { name: values.name.trim() }));
          onCreated(created);
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  return (
    <FormModal<NewFormValues>
      title={t("createForm.title")}
      name="create-form"
      form={form}
      pending={create.isPending}
      onFinish={submit}
      onClose={onClose}
      onValuesChange={(changed) => {
        // The key follows the name until the user edits the key themselves.
        if (changed.name !== undefined && !form.isFieldTouched("key")) {
          form.setFieldValue("key", suggestFormKey(changed.name, takenKeys));
        }
      }}
    >
      <Form.Item
        name="name"
        label={t("createForm.name")}
        rules={[{ required: true, whitespace: true, message: t("createForm.nameRequired") }]}
      >
        <Input placeholder={t("createForm.namePlaceholder")} maxLength={500} autoFocus />
      </Form.Item>
      <Form.Item
        name="key"
        label={t("createForm.key")}
        extra={t("createForm.keyHelp")}
        rules={[
          { required: true, message: t("createForm.keyRequired") },
          {
            validator: (_, value: string | undefined) =>
              !value || isFormKey(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t("createForm.keyInvalid"))),
          },
        ]}
      >
        <Input maxLength={FORM_KEY_MAX_LENGTH} spellCheck={false} />
      </Form.Item>
    </FormModal>
  );
}
