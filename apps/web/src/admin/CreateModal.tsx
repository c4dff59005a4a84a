import { App, Form, Input, Modal } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { orgErrorMessage } from "./org-errors";
import { useOrgMutation } from "./use-org";

/** A dialog that creates something named (a department, a role, a group), with any extra fields. */
export function CreateModal<V extends { name: string }, R>({
  title,
  formName,
  nameLabel,
  nameRequired,
  namePlaceholder,
  initialValues,
  create,
  onCreated,
  onClose,
  children,
}: {
  title: string;
  formName: string;
  nameLabel: string;
  nameRequired: string;
  namePlaceholder?: string;
  initialValues?: Partial<V>;
  create(values: V): Promise<R>;
  onCreated(result: R): void;
  onClose: () => void;
  /** Fields shown before the name. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const mutation = useOrgMutation((values: V) => create({ ...values, name: values.name.trim() }));
  return (
    <Modal
      open
      title={title}
      okText={t("common.create")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        name={formName}
        requiredMark={false}
        initialValues={initialValues}
        onFinish={(values) =>
          mutation.mutate(values, {
            onSuccess: onCreated,
            onError: (error) => void message.error(orgErrorMessage(error, t)),
          })
        }
      >
        {children}
        <Form.Item
          name="name"
          label={nameLabel}
          rules={[{ required: true, whitespace: true, message: nameRequired }]}
        >
          <Input placeholder={namePlaceholder} maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
