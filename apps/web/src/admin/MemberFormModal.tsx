import type { Invite, Member } from "@formwork/client";
import { App, Divider, Form, Input, Modal, Radio, Select, Switch, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { useCurrentUser } from "../api/use-session";
import { EMAIL_PATTERN } from "../common/email";
import { fieldErrors } from "./form-errors";
import { orgErrorMessage } from "./org-errors";
import { DepartmentsPicker } from "./Pickers";
import { useDepartments, useOrgMutation, useRoleGroups } from "./use-org";

interface Values {
  name: string;
  email: string;
  departmentIds: string[];
  primaryDepartmentId?: string;
  roleIds: string[];
  isAdmin: boolean;
  joinBy: "invite" | "password";
  password?: string;
}

const FIELDS = ["name", "email", "departmentIds", "primaryDepartmentId", "roleIds", "isAdmin", "password"];

/** Adds a member (invited by link, or with a password) or edits one. Nobody edits their own roles/admin flag. */
export function MemberFormModal({
  member,
  onClose,
  onInvite,
}: {
  member: Member | null;
  onClose: () => void;
  onInvite: (name: string, invite: Invite) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [joinBy, setJoinBy] = useState<Values["joinBy"]>("invite");
  const chosen = Form.useWatch("departmentIds", form) ?? [];
  const departments = useDepartments();
  const roleGroups = useRoleGroups();
  const self = member?.id === me.id;
  const names = new Map((departments.data ?? []).map((d) => [d.id, d.name]));

  const save = useOrgMutation(async (values: Values) => {
    const body = {
      name: values.name.trim(),
      email: values.email.trim(),
      departmentIds: values.departmentIds,
      ...(values.departmentIds.length &&
      values.primaryDepartmentId &&
      values.departmentIds.includes(values.primaryDepartmentId)
        ? { primaryDepartmentId: values.primaryDepartmentId }
        : {}),
      ...(self ? {} : { roleIds: values.roleIds, isAdmin: values.isAdmin }),
    };
    if (member) return { member: await api.org.members.update(member.id, body), invite: undefined };
    const created = await api.org.members.create({
      ...body,
      ...(values.joinBy === "password" && values.password ? { password: values.password } : {}),
    });
    return { member: created, invite: created.invite };
  });

  const submit = (values: Values) =>
    save.mutate(values, {
      onSuccess: ({ member: saved, invite }) => {
        void message.success(
          member ? t("admin.memberForm.saved") : t("admin.memberForm.created", { name: saved.name }),
        );
        onClose();
        if (invite) onInvite(saved.name, invite);
      },
      onError: (error) => {
        const errors = fieldErrors(error, FIELDS);
        // Next to the field it names, in the UI's words rather than the server's English detail.
        if (errors.length)
          form.setFields(
            errors.map((e) => ({ name: e.name as keyof Values, errors: [orgErrorMessage(error, t)] })),
          );
        else void message.error(orgErrorMessage(error, t));
      },
    });

  return (
    <Modal
      open
      title={t(member ? "admin.memberForm.editTitle" : "admin.memberForm.createTitle")}
      okText={t(member ? "common.save" : "common.create")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="member-form"
        requiredMark={false}
        onFinish={submit}
        initialValues={{
          name: member?.name ?? "",
          email: member?.email ?? "",
          departmentIds: member?.departments.map((d) => d.id) ?? [],
          primaryDepartmentId: member?.departments.find((d) => d.primary)?.id,
          roleIds: member?.roleIds ?? [],
          isAdmin: member?.isAdmin ?? false,
          joinBy: "invite",
        }}
      >
        <Form.Item
          name="name"
          label={t("admin.memberForm.name")}
          rules={[{ required: true, whitespace: true, message: t("admin.memberForm.nameRequired") }]}
        >
          <Input placeholder={t("admin.memberForm.namePlaceholder")} maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("admin.memberForm.email")}
          rules={[
            { required: true, message: t("admin.memberForm.emailRequired") },
            { pattern: EMAIL_PATTERN, message: t("admin.memberForm.emailInvalid") },
          ]}
        >
          <Input placeholder="name@company.com" maxLength={320} />
        </Form.Item>
        <Form.Item
          name="departmentIds"
          label={t("admin.memberForm.departments")}
          extra={t("admin.memberForm.departmentsHint")}
        >
          <DepartmentsPicker />
        </Form.Item>
        {chosen.length > 1 && (
          <Form.Item name="primaryDepartmentId" label={t("admin.memberForm.primary")}>
            <Select options={chosen.map((id) => ({ value: id, label: names.get(id) ?? id }))} />
          </Form.Item>
        )}
        <Form.Item
          name="roleIds"
          label={t("admin.memberForm.roles")}
          extra={self ? t("admin.memberForm.selfLocked") : undefined}
        >
          <Select
            mode="multiple"
            disabled={self}
            optionFilterProp="label"
            options={(roleGroups.data ?? []).map((g) => ({
              label: g.name,
              title: g.name,
              options: g.roles.map((r) => ({ value: r.id, label: r.name })),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="isAdmin"
          label={t("admin.memberForm.isAdmin")}
          extra={t("admin.memberForm.isAdminHint")}
          valuePropName="checked"
        >
          <Switch disabled={self} />
        </Form.Item>
        {!member && (
          <>
            <Divider style={{ margin: "8px 0 16px" }} />
            <Form.Item name="joinBy" label={t("admin.memberForm.joinBy")}>
              <Radio.Group
                optionType="button"
                onChange={(e) => setJoinBy(e.target.value)}
                options={[
                  { value: "invite", label: t("admin.memberForm.joinInvite") },
                  { value: "password", label: t("admin.memberForm.joinPassword") },
                ]}
              />
            </Form.Item>
            {joinBy === "password" ? (
              <Form.Item
                name="password"
                label={t("admin.memberForm.password")}
                rules={[{ required: true, min: 8, message: t("admin.memberForm.passwordRequired") }]}
              >
                <Input.Password autoComplete="new-password" maxLength={256} />
              </Form.Item>
            ) : (
              <Typography.Text type="secondary">{t("admin.memberForm.joinInviteHint")}</Typography.Text>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
