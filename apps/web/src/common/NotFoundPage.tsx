import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t("errors.notFoundTitle")}
      subTitle={t("errors.notFoundText")}
      extra={
        <Link to="/apps">
          <Button type="primary">{t("common.backToApps")}</Button>
        </Link>
      }
    />
  );
}
