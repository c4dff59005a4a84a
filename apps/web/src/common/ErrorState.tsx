import { WarningOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "./error-message";
import { StatusMessage } from "./StatusMessage";

/** A failed load, with a retry when the caller can offer one. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <StatusMessage
      icon={<WarningOutlined style={{ color: "var(--fw-color-warning)" }} />}
      title={t("errors.title")}
      text={errorMessage(error, t)}
      action={onRetry && <Button onClick={onRetry}>{t("common.retry")}</Button>}
    />
  );
}
