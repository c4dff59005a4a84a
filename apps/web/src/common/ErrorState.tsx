import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "./error-message";

/** A failed load, with a retry when the caller can offer one. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t("errors.title")}
      subTitle={errorMessage(error, t)}
      extra={onRetry && <Button onClick={onRetry}>{t("common.retry")}</Button>}
    />
  );
}
