import { CompassOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusMessage } from "./StatusMessage";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusMessage
      icon={<CompassOutlined style={{ color: "var(--fw-color-text-tertiary)" }} />}
      title={t("errors.notFoundTitle")}
      text={t("errors.notFoundText")}
      action={
        <Link to="/apps">
          <Button type="primary">{t("common.backToApps")}</Button>
        </Link>
      }
    />
  );
}
