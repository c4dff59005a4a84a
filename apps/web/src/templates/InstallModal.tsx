import type { GalleryTemplate } from "@formwork/client";
import { Alert, Checkbox, Input, Modal, Progress, Radio, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage } from "../common/error-message";
import { localize as localized } from "../common/localized-text";
import { useInstallTemplate } from "./use-templates";

/** Install options, then a progress bar while the server installs in one transaction, then the new app. */
export function InstallModal({ template, onClose }: { template: GalleryTemplate; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const install = useInstallTemplate();
  const [name, setName] = useState(localized(template.manifest.title, i18n.language));
  const [sampleData, setSampleData] = useState(template.sampleRecords > 0);
  const [members, setMembers] = useState<"demo" | "installer">("demo");
  const [percent, setPercent] = useState(0);

  // The install is one request; the bar creeps towards 90% while it runs and fills when it answers.
  useEffect(() => {
    if (!install.isPending) return;
    const timer = setInterval(() => setPercent((p) => Math.min(90, p + Math.max(1, (90 - p) / 12))), 300);
    return () => clearInterval(timer);
  }, [install.isPending]);

  const start = () => {
    setPercent(3);
    install.mutate(
      {
        name: template.name,
        options: {
          name: name.trim() || undefined,
          sampleData,
          members,
          locale: i18n.language.startsWith("en") ? "en" : "zh-CN",
        },
      },
      {
        onSuccess: (result) => {
          setPercent(100);
          navigate(`/apps/${result.app.id}`);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t("templates.installTitle", { name: localized(template.manifest.title, i18n.language) })}
      okText={t("templates.installNow")}
      cancelText={t("templates.cancel")}
      onOk={start}
      onCancel={install.isPending ? undefined : onClose}
      okButtonProps={{ loading: install.isPending, "data-testid": "install-confirm" } as never}
      cancelButtonProps={{ disabled: install.isPending }}
      closable={!install.isPending}
      maskClosable={false}
    >
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <div>
          <Typography.Text>{t("templates.appName")}</Typography.Text>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            disabled={install.isPending}
          />
        </div>
        {template.sampleRecords > 0 && (
          <Checkbox
            checked={sampleData}
            onChange={(e) => setSampleData(e.target.checked)}
            disabled={install.isPending}
          >
            {t("templates.withSampleData", { count: template.sampleRecords })}
          </Checkbox>
        )}
        {sampleData && template.sampleRecords > 0 && (
          <Radio.Group
            value={members}
            onChange={(e) => setMembers(e.target.value)}
            disabled={install.isPending}
          >
            <Space direction="vertical">
              <Radio value="demo">{t("templates.membersDemo")}</Radio>
              <Radio value="installer">{t("templates.membersInstaller")}</Radio>
            </Space>
          </Radio.Group>
        )}
        {(install.isPending || install.isSuccess) && (
          <div data-testid="install-progress">
            <Progress percent={Math.round(percent)} status={install.isSuccess ? "success" : "active"} />
            <Typography.Text type="secondary">
              {install.isSuccess ? t("templates.opening") : t("templates.installing")}
            </Typography.Text>
          </div>
        )}
        {install.isError && <Alert type="error" showIcon message={errorMessage(install.error, t)} />}
      </Space>
    </Modal>
  );
}
