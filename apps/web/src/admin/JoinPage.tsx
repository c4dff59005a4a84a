import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { isApiError } from "@formwork/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Flex, Form, Input } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { api } from "../api/client";
import { queryKeys } from "../api/query-keys";
import { AuthFrame } from "../auth/AuthFrame";
import { PageLoading } from "../common/PageLoading";
import { useDocumentTitle } from "../common/use-document-title";
import { orgErrorMessage } from "./org-errors";

interface JoinValues {
  name: string;
  password: string;
  confirm: string;
}

/** The invite link's page (/invite#<token>): who is invited, then name + password, then signed in. */
export function JoinPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const token = decodeURIComponent(hash.replace(/^#/, ""));
  useDocumentTitle(t("admin.join.title"));
  const invite = useQuery({
    queryKey: ["invite", token],
    queryFn: () => api.org.invites.lookup(token),
    enabled: token !== "",
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (values: JoinValues) =>
      api.org.invites.accept({ token, name: values.name.trim(), password: values.password }),
    onSuccess: (session) => {
      queryClient.setQueryData(queryKeys.session, session);
      navigate("/apps", { replace: true });
    },
  });

  let body: ReactNode;
  if (token && invite.isPending) body = <PageLoading />;
  else if (!token || invite.isError || !invite.data) {
    body = (
      <Flex vertical gap={16}>
        <Alert
          type="warning"
          showIcon
          title={t("admin.join.invalid")}
          description={t("admin.join.invalidHint")}
        />
        <Link to="/login">{t("admin.join.toLogin")}</Link>
      </Flex>
    );
  } else {
    body = (
      <Form<JoinValues>
        layout="vertical"
        size="large"
        requiredMark={false}
        name="join"
        initialValues={{ name: invite.data.name }}
        onFinish={(values) => accept.mutate(values)}
      >
        {accept.isError && (
          <Alert
            type="error"
            showIcon
            title={
              isApiError(accept.error) && accept.error.code === "NOT_FOUND"
                ? t("admin.join.invalid")
                : orgErrorMessage(accept.error, t)
            }
            style={{ marginBottom: 20 }}
          />
        )}
        <Form.Item label={t("admin.join.email")}>
          <Input value={invite.data.email} disabled />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("admin.join.name")}
          rules={[{ required: true, whitespace: true, message: t("admin.join.nameRequired") }]}
        >
          <Input prefix={<UserOutlined />} maxLength={200} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("admin.join.password")}
          rules={[{ required: true, min: 8, message: t("admin.join.passwordRule") }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={256} autoFocus />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("admin.join.confirm")}
          dependencies={["password"]}
          rules={[
            { required: true, message: t("admin.join.passwordRule") },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue("password")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("admin.join.mismatch"))),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={accept.isPending}>
          {t("admin.join.submit")}
        </Button>
      </Form>
    );
  }

  return (
    <AuthFrame title={t("admin.join.title")} subtitle={t("admin.join.subtitle")}>
      {body}
    </AuthFrame>
  );
}

export const Component = JoinPage;
