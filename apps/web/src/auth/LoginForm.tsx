import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { useLogin } from "../api/use-session";
import { EMAIL_PATTERN } from "../common/email";
import { errorMessage } from "../common/error-message";
import { afterLoginTarget } from "./login-path";

interface LoginValues {
  email: string;
  password: string;
}

export function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const submit = (values: LoginValues) =>
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: () => navigate(afterLoginTarget(params.get("next")), { replace: true }) },
    );

  return (
    <Form<LoginValues> layout="vertical" size="large" requiredMark={false} onFinish={submit} name="login">
      {login.isError && (
        <Alert type="error" showIcon title={errorMessage(login.error, t)} style={{ marginBottom: 20 }} />
      )}
      <Form.Item
        name="email"
        label={t("login.email")}
        rules={[
          { required: true, message: t("login.emailRequired") },
          { pattern: EMAIL_PATTERN, message: t("login.emailInvalid") },
        ]}
      >
        <Input
          prefix={<MailOutlined />}
          placeholder={t("login.emailPlaceholder")}
          autoComplete="username"
          autoFocus
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("login.password")}
        rules={[{ required: true, message: t("login.passwordRequired") }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          placeholder={t("login.passwordPlaceholder")}
          autoComplete="current-password"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t("login.submit")}
      </Button>
    </Form>
  );
}
