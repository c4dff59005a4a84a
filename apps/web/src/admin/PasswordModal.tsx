import type { Member } from "@formwork/client";
import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { fieldErrors } from "./form-errors";
import { orgErrorMessage } from "./org-errors";
import { useOrgMutation } from "./use-org";

/** The admin sets a member's password: a forgotten one, or a template's demo account handed to a person. */
export function PasswordModal({ member, onClose }: { member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const save = useOrgMutation((password: string) => api.org.members.setPassword(member.id, password));

  const submit = ({ password }: { password: string }) =>
    save.mutate(password, {
      onSuccess: () => {
        void message.success(t("admin.password.done", { name: member.name }));
        onClose();
      },
      onError: (error) => {
        if (fieldErrors(error, ["password"]).length)
          form.setFields([{ name: "password", errors: [orgErrorMessage(error, t)] }]);
        else void message.error(orgErrorMessage(error, t));
      },
    });

  return (
    <Modal
      open
      title={t("admin.password.title", { name: member.name })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={440}
    >
      <Form form={form} layout="vertical" name="member-password" requiredMark={false} onFinish={submit}>
        <Typography.Paragraph type="secondary">
          {t("admin.password.hint", { email: member.email })}
        </Typography.Paragraph>
        {member.status === "disabled" && (
          <Alert
            type="info"
            showIcon
            message={t("admin.password.disabledHint")}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item
          name="password"
          label={t("admin.password.password")}
          rules={[{ required: true, min: 8, message: t("admin.password.required") }]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
