import type { PublicLink } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { App as AntdApp, Switch, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../common/ErrorState";
import { errorMessage } from "../common/error-message";
import { linkFieldOptions } from "./link-fields";
import { usePublicLinks, useSetLinkDisabled } from "./use-public-links";

/** Every link of the form, newest first as the server lists them, each switchable on and off. */
export function LinksTable({ formId, definition }: { formId: string; definition: FormDefinition }) {
  const { t, i18n } = useTranslation();
  const { message } = AntdApp.useApp();
  const links = usePublicLinks(formId);
  const toggle = useSetLinkDisabled(formId);
  const labels = new Map(linkFieldOptions(definition, i18n.language).map((o) => [o.value, o.label]));
  const names = (ids: string[]) => ids.map((id) => labels.get(id) ?? id).join(t("share.separator"));
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t("share.never"));
  if (links.isError) return <ErrorState error={links.error} onRetry={() => void links.refetch()} />;
  return (
    <Table<PublicLink>
      rowKey="id"
      loading={links.isLoading}
      dataSource={links.data ?? []}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="share-links"
      locale={{ emptyText: t("share.empty") }}
      columns={[
        { title: t("share.name"), dataIndex: "name", render: (name: string) => name || t("share.unnamed") },
        {
          title: t("share.kind"),
          dataIndex: "kind",
          render: (kind: PublicLink["kind"]) => (
            <Tag color={kind === "fill" ? "blue" : "purple"}>{t(`share.kinds.${kind}`)}</Tag>
          ),
        },
        {
          title: t("share.fields"),
          render: (_, link) =>
            link.kind === "query"
              ? `${names(link.queryFields)} → ${names(link.displayFields)}`
              : names(link.displayFields),
        },
        {
          title: t("share.password"),
          dataIndex: "hasPassword",
          render: (has: boolean) => (has ? t("share.yes") : t("share.no")),
        },
        { title: t("share.expiresAt"), dataIndex: "expiresAt", render: date },
        {
          title: t("share.submissions"),
          render: (_, link) =>
            link.kind === "fill" ? `${link.submissions} / ${link.maxSubmissions ?? "∞"}` : "—",
        },
        {
          title: t("share.enabled"),
          fixed: "right",
          render: (_, link) => (
            <Switch
              checked={!link.disabled}
              loading={toggle.isPending && toggle.variables?.id === link.id}
              aria-label={t("share.enabled")}
              data-testid="share-toggle"
              onChange={(on) =>
                toggle.mutate(
                  { id: link.id, disabled: !on },
                  { onError: (error) => void message.error(errorMessage(error, t)) },
                )
              }
            />
          ),
        },
      ]}
    />
  );
}
