import { ArrowLeftOutlined, ImportOutlined } from "@ant-design/icons";
import type { GalleryTemplate } from "@formwork/client";
import { App as AntApp, Button, Col, Empty, Flex, Row, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useCurrentUser } from "../api/use-session";
import { ErrorState } from "../common/ErrorState";
import { errorMessage } from "../common/error-message";
import { PageLoading } from "../common/PageLoading";
import { useDocumentTitle } from "../common/use-document-title";
import { InstallModal } from "./InstallModal";
import { TemplateCard } from "./TemplateCard";
import { useImportBundle, useTemplates } from "./use-templates";

/** Bundles larger than this are refused before upload (the server's limit is 32 MB). */
const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;

export function TemplateGalleryPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const templates = useTemplates();
  const navigate = useNavigate();
  const importBundle = useImportBundle();
  const { message } = AntApp.useApp();
  const [installing, setInstalling] = useState<GalleryTemplate | null>(null);
  useDocumentTitle(t("templates.title"));

  const importFile = async (file: File) => {
    if (file.size > MAX_BUNDLE_BYTES) {
      message.error(t("templates.importTooLarge"));
      return;
    }
    let bundle: unknown;
    try {
      bundle = JSON.parse(await file.text());
    } catch {
      message.error(t("templates.importNotJson"));
      return;
    }
    importBundle.mutate(bundle, {
      onSuccess: (result) => {
        message.success(t("templates.imported", { name: result.app.name }));
        navigate(`/apps/${result.app.id}`);
      },
      onError: (error) => message.error(errorMessage(error, t)),
    });
  };

  return (
    <div className="fw-page">
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 24 }}>
        <div>
          <Link to="/apps">
            <ArrowLeftOutlined /> {t("templates.back")}
          </Link>
          <Typography.Title level={3} style={{ margin: "8px 0 0" }}>
            {t("templates.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("templates.subtitle")}</Typography.Text>
        </div>
        {user.isAdmin && (
          <Upload
            accept="application/json,.json"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<ImportOutlined />} loading={importBundle.isPending} data-testid="bundle-import">
              {t("templates.import")}
            </Button>
          </Upload>
        )}
      </Flex>
      {templates.isPending ? (
        <PageLoading />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.data.length === 0 ? (
        <Empty description={t("templates.empty")} />
      ) : (
        <Row gutter={[16, 16]}>
          {templates.data.map((template) => (
            <Col key={template.name} xs={24} sm={12} lg={8}>
              <TemplateCard
                template={template}
                canInstall={user.isAdmin}
                onInstall={() => setInstalling(template)}
              />
            </Col>
          ))}
        </Row>
      )}
      {installing && <InstallModal template={installing} onClose={() => setInstalling(null)} />}
    </div>
  );
}

export const Component = TemplateGalleryPage;
