import { Card, Empty } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function AppListEmpty({ isAdmin, action }: { isAdmin: boolean; action: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card variant="borderless">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <div>{t("apps.empty")}</div>
            <div>{t(isAdmin ? "apps.emptyAdminHint" : "apps.emptyMemberHint")}</div>
          </>
        }
        style={{ padding: "32px 0" }}
      >
        {action}
      </Empty>
    </Card>
  );
}
