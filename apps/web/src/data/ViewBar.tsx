import {
  DeleteOutlined,
  EditOutlined,
  EllipsisOutlined,
  LockOutlined,
  PlusOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { App as AntdApp, Button, Dropdown, type MenuProps, Select, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "./data.module.css";
import { failureText } from "./failure-text";
import { groupViews, indexProgress } from "./saved-views";
import type { GridViewControl } from "./use-grid-view";
import { ViewNameModal } from "./ViewNameModal";

type Dialog = { kind: "saveAs" } | { kind: "rename" } | null;

/** The view switcher: pick a saved view, save changes into it or as a new one, rename, share, delete. */
export function ViewBar({ control }: { control: GridViewControl }) {
  const { t } = useTranslation();
  const { message, modal } = AntdApp.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { active, dirty, canShare } = control;
  const { shared, personal } = groupViews(control.views);
  const progress = indexProgress(active);

  const run = async (work: GridViewControl["save"], done?: string) => {
    try {
      await work();
      if (done) message.success(done);
    } catch (error) {
      message.error(failureText(error, t));
      throw error;
    }
  };
  const quietly = (work: GridViewControl["save"], done?: string) =>
    void run(work, done).catch(() => undefined);

  const option = (view: (typeof control.views)[number]) => ({ value: view.id, label: view.name });
  const options = [
    { value: "", label: t("views.default") },
    ...(shared.length ? [{ label: t("views.shared"), options: shared.map(option) }] : []),
    ...(personal.length ? [{ label: t("views.personal"), options: personal.map(option) }] : []),
  ];

  const menu: MenuProps["items"] = [
    { key: "saveAs", icon: <PlusOutlined />, label: t("views.saveAs") },
    ...(active?.canEdit
      ? [
          { key: "rename", icon: <EditOutlined />, label: t("views.rename") },
          ...(canShare
            ? [
                active.shared
                  ? { key: "unshare", icon: <LockOutlined />, label: t("views.unshare") }
                  : { key: "share", icon: <TeamOutlined />, label: t("views.share") },
              ]
            : []),
          { type: "divider" as const },
          { key: "delete", icon: <DeleteOutlined />, label: t("views.delete"), danger: true },
        ]
      : []),
  ];

  const onMenu: MenuProps["onClick"] = ({ key }) => {
    if (key === "saveAs" || key === "rename") setDialog({ kind: key });
    if (key === "share" || key === "unshare")
      quietly(() => control.edit({ shared: key === "share" }), t("views.saved"));
    if (key === "delete" && active) {
      modal.confirm({
        title: t("views.deleteConfirm", { name: active.name }),
        okButtonProps: { danger: true },
        okText: t("views.delete"),
        onOk: () => run(control.remove, t("views.deleted")),
      });
    }
  };

  const readOnly = !!active && !active.canEdit;
  const save = () => {
    if (!active) setDialog({ kind: "saveAs" });
    else quietly(control.save, t("views.saved"));
  };

  return (
    <div className={styles.viewBar} data-testid="view-bar">
      <Select
        className={styles.viewSelect}
        aria-label={t("views.label")}
        data-testid="view-switcher"
        value={active?.id ?? ""}
        loading={control.loading}
        options={options}
        onChange={(value: string) => control.open(value || null)}
        popupMatchSelectWidth={false}
      />
      {active?.shared ? <Tag color="blue">{t("views.sharedTag")}</Tag> : null}
      {dirty ? (
        <Tag color="orange" data-testid="view-unsaved">
          {t("views.unsaved")}
        </Tag>
      ) : null}
      {progress !== "ready" ? (
        <Tooltip title={t("views.indexHint")}>
          <Tag color={progress === "failed" ? "red" : "processing"}>
            {t(progress === "failed" ? "views.indexFailed" : "views.indexing")}
          </Tag>
        </Tooltip>
      ) : null}
      <span className={styles.spacer} />
      {dirty ? (
        <Button type="text" onClick={control.reset}>
          {t("views.discard")}
        </Button>
      ) : null}
      <Tooltip title={readOnly && dirty ? t("views.readOnly") : undefined}>
        <Button
          type="primary"
          disabled={!dirty || readOnly}
          loading={control.busy}
          onClick={save}
          data-testid="view-save"
        >
          {t("views.save")}
        </Button>
      </Tooltip>
      <Dropdown menu={{ items: menu, onClick: onMenu }} trigger={["click"]} placement="bottomRight">
        <Button icon={<EllipsisOutlined />} aria-label={t("views.more")} data-testid="view-more" />
      </Dropdown>
      {dialog?.kind === "saveAs" ? (
        <ViewNameModal
          title={t("views.saveAs")}
          initialName=""
          canShare={canShare}
          initialShared={false}
          onSubmit={(name, sharedChoice) => run(() => control.saveAs(name, sharedChoice), t("views.saved"))}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === "rename" && active ? (
        <ViewNameModal
          title={t("views.renameTitle")}
          initialName={active.name}
          canShare={false}
          initialShared={active.shared}
          onSubmit={(name) => run(() => control.edit({ name }), t("views.saved"))}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
