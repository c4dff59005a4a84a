import { AppstoreAddOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Col, Flex, Row, Typography } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useApps } from "../api/use-apps";
import { useCurrentUser } from "../api/use-session";
import { ErrorState } from "../common/ErrorState";
import { PageLoading } from "../common/PageLoading";
import { useDocumentTitle } from "../common/use-document-title";
import { AppCard } from "./AppCard";
import { AppListEmpty } from "./AppListEmpty";

const CreateAppModal = lazy(async () => ({ default: (await import("./CreateAppModal")).CreateAppModal }));

export function AppListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const apps = useApps();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t("apps.title"));

  const createButton = user.isAdmin && (
    <Flex gap={8} wrap>
      <Button
        icon={<AppstoreAddOutlined />}
        onClick={() => navigate("/templates")}
        data-testid="open-templates"
      >
        {t("apps.fromTemplate")}
      </Button>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
        {t("apps.create")}
      </Button>
    </Flex>
  );

  return (
    <div className="fw-page">
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 24 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("apps.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("apps.subtitle")}</Typography.Text>
        </div>
        {apps.data && apps.data.length > 0 && createButton}
      </Flex>
      {apps.isPending ? (
        <PageLoading />
      ) : apps.isError ? (
        <ErrorState error={apps.error} onRetry={() => void apps.refetch()} />
      ) : apps.data.length === 0 ? (
        <AppListEmpty isAdmin={user.isAdmin} action={createButton} />
      ) : (
        <Row gutter={[16, 16]}>
          {apps.data.map((app) => (
            <Col key={app.id} xs={24} sm={12} lg={8} xl={6}>
              <AppCard app={app} />
            </Col>
          ))}
        </Row>
      )}
      {creating && (
        <Suspense>
          <CreateAppModal
            onClose={() => setCreating(false)}
            onCreated={(app) => {
              setCreating(false);
              navigate(`/apps/${app.id}`);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
