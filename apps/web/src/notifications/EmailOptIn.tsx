import { MailOutlined } from "@ant-design/icons";
import { App as AntdApp, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../common/error-message";
import { useNotificationSettings, useSaveNotificationSettings } from "./use-notifications";

/** "Email me a copy" in the centre: shown only when the server has SMTP configured. */
export function EmailOptIn() {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  if (!settings.data?.emailAvailable) return null;
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 8, padding: "8px 0" }}>
      <MailOutlined />
      <span style={{ flex: 1 }} id="notifications-email-label">
        {t("notifications.emailCopy")}
      </span>
      <Switch
        aria-labelledby="notifications-email-label"
        size="small"
        checked={settings.data.email}
        loading={save.isPending}
        data-testid="notifications-email"
        onChange={(email) =>
          save.mutate({ email }, { onError: (error) => void message.error(errorMessage(error, t)) })
        }
      />
    </div>
  );
}
