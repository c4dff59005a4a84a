import { LinkOutlined, PlusOutlined } from "@ant-design/icons";
import type { PublicLinkKind } from "@formwork/client";
import { Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState } from "../common/ErrorState";
import { PageLoading } from "../common/PageLoading";
import { StatusMessage } from "../common/StatusMessage";
import { usePublishedForm } from "../data/use-published-form";
import { CreateLinkModal } from "./CreateLinkModal";
import { LinksTable } from "./LinksTable";

/** The share tab (app admins): the form's public fill and query links. Lazy: never in the fill route. */
export function Component() {
  const { t } = useTranslation();
  const { appId = "", formId = "" } = useParams();
  const { version, published } = usePublishedForm(appId, formId);
  const [creating, setCreating] = useState<PublicLinkKind>();
  if (version === 0)
    return <StatusMessage icon={<LinkOutlined />} title={t("share.title")} text={t("share.notPublished")} />;
  if (published.isError)
    return <ErrorState error={published.error} onRetry={() => void published.refetch()} />;
  const definition = published.data?.definition;
  if (!definition) return <PageLoading />;
  return (
    <div style={{ maxWidth: 1100, margin: "0 auto", padding: "24px 16px" }} data-testid="share-page">
      <Space style={{ width: "100%", justifyContent: "space-between", flexWrap: "wrap", marginBottom: 16 }}>
        <div>
          <h2 style={{ margin: 0 }}>{t("share.title")}</h2>
          <p style={{ color: "var(--ant-color-text-secondary)", margin: "4px 0 0" }}>{t("share.subtitle")}</p>
        </div>
        <Space wrap>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating("fill")}
            data-testid="share-new-fill"
          >
            {t("share.newFill")}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setCreating("query")} data-testid="share-new-query">
            {t("share.newQuery")}
          </Button>
        </Space>
      </Space>
      <LinksTable formId={formId} definition={definition} />
      {creating && (
        <CreateLinkModal
          formId={formId}
          kind={creating}
          definition={definition}
          onClose={() => setCreating(undefined)}
        />
      )}
    </div>
  );
}
