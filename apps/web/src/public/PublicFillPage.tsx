import { LockOutlined } from "@ant-design/icons";
import { ApiError } from "@formwork/client";
import { createFieldServices, FormRenderer } from "@formwork/renderer";
import type { Locale } from "@formwork/schema";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Input, Result } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api } from "../api/client";
import { PageLoading } from "../common/PageLoading";
import { useDocumentTitle } from "../common/use-document-title";

/** A public fill link (/f/:token): the link's fields in the normal renderer, no sign-in. */
export function Component() {
  const { t, i18n } = useTranslation();
  const { token = "" } = useParams();
  const [password, setPassword] = useState<string>();
  const [typed, setTyped] = useState("");
  const [done, setDone] = useState(false);
  useDocumentTitle(t("public.title"));
  const form = useQuery({
    queryKey: ["public-form", token, password],
    queryFn: () => api.publicLinks.form(token, password),
    retry: false,
  });
  const services = useMemo(
    () => createFieldServices({ client: api, formIds: new Map(), locale: () => i18n.language }),
    [i18n],
  );
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const status = form.error instanceof ApiError ? form.error.status : 0;
  const wrongPassword = form.error instanceof ApiError && form.error.code === "INVALID_CREDENTIALS";

  if (done) return <Result status="success" title={t("public.thanks")} data-testid="public-done" />;
  if (status === 401)
    return (
      <Flex vertical gap={12} align="center" style={{ padding: 48 }} data-testid="public-password">
        <LockOutlined style={{ fontSize: 32 }} />
        {wrongPassword && (
          <Alert
            type="error"
            showIcon
            title={t("public.wrongPassword")}
            data-testid="public-password-wrong"
          />
        )}
        <Input.Password
          style={{ maxWidth: 320 }}
          placeholder={t("public.password")}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onPressEnter={() => setPassword(typed)}
          autoFocus
        />
        <Button type="primary" onClick={() => setPassword(typed)}>
          {t("public.open")}
        </Button>
      </Flex>
    );
  if (form.isError)
    return <Result status="404" title={t("public.unavailable")} data-testid="public-unavailable" />;
  if (!form.data) return <PageLoading />;
  return (
    <div style={{ maxWidth: 760, margin: "0 auto", padding: "24px 16px" }} data-testid="public-fill-page">
      <FormRenderer
        form={form.data.definition}
        mode="fill"
        locale={locale}
        services={services}
        user={{ id: "" }}
        onSubmit={async (data) => {
          await api.publicLinks.submit(token, data, password);
          setDone(true);
          return { data };
        }}
      />
    </div>
  );
}
