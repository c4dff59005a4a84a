import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../common/FormModal";

/** Names a new group or renames one. */
export function GroupNameModal({
  initial,
  onSubmit,
  onClose,
}: {
  /** The current name when renaming; undefined when creating. */
  initial?: string;
  onSubmit: (name: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  return (
    <FormModal<{ name: string }>
      title={t(initial === undefined ? "menu.newGroup" : "menu.renameGroup")}
      okText={initial === undefined ? undefined : t("common.save")}
      name="menu-group"
      form={form}
      pending={false}
      initialValues={{ name: initial ?? "" }}
      onFinish={(values) => onSubmit(values.name.trim())}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t("menu.groupName")}
        rules={[{ required: true, whitespace: true, message: t("menu.groupNameRequired") }]}
      >
        <Input placeholder={t("menu.groupNamePlaceholder")} maxLength={100} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
