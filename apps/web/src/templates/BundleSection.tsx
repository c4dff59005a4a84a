import { DownloadOutlined } from "@ant-design/icons";
import type { App } from "@formwork/client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntdApp, Button, Checkbox, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../common/error-message";
import { templatesApi } from "./api";

/** App settings: download the app as a bundle (optionally with its data); upgrade it when its template has a newer version. */
export function BundleSection({ app }: { app: App }) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [withData, setWithData] = useState(false);
  const [busy, setBusy] = useState<"export" | "upgrade" | null>(null);
  const origin = useQuery({
    queryKey: ["apps", app.id, "template"],
    queryFn: () => templatesApi.appTemplate(app.id),
  });

  const download = async () => {
    setBusy("export");
    try {
      const bundle = await templatesApi.exportBundle(app.id, withData);
      const blob = new Blob([JSON.stringify(bundle, null, 1)], { type: "application/json" });
      const href = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = href;
      link.download = `${app.name}.json`;
      link.click();
      URL.revokeObjectURL(href);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  const upgrade = async () => {
    setBusy("upgrade");
    try {
      await templatesApi.upgrade(app.id);
      void message.success(t("templates.upgraded", { version: origin.data?.latestVersion }));
      await queryClient.invalidateQueries({ queryKey: ["apps", app.id] });
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size={8} style={{ width: "100%", marginBottom: 16 }}>
      <Typography.Text type="secondary">{t("templates.exportHint")}</Typography.Text>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void download()}
          loading={busy === "export"}
          data-testid="bundle-export"
        >
          {t("templates.export")}
        </Button>
        <Checkbox checked={withData} onChange={(e) => setWithData(e.target.checked)}>
          {t("templates.exportWithData")}
        </Checkbox>
      </Space>
      {origin.data && (
        <Space wrap>
          <Typography.Text type="secondary">
            {t("templates.template", { name: origin.data.name, version: origin.data.version })}
          </Typography.Text>
          {origin.data.upgradable && (
            <Button size="small" onClick={() => void upgrade()} loading={busy === "upgrade"}>
              {t("templates.upgrade", { version: origin.data.latestVersion })}
            </Button>
          )}
        </Space>
      )}
    </Space>
  );
}
