import { EyeOutlined, RedoOutlined, SendOutlined, SettingOutlined, UndoOutlined } from "@ant-design/icons";
import type { PresentUser } from "@formwork/schema";
import { Button, Segmented, Space, Tooltip } from "antd";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { PresenceAvatars } from "../realtime/DesignerPresence";
import styles from "./designer.module.css";
import { SaveIndicator } from "./save/SaveIndicator";
import type { Autosave } from "./save/use-autosave";

interface DesignerToolbarProps {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  save: Autosave;
  onReload: () => void;
  onSettings: () => void;
  onPreview: () => void;
  onPublish: () => void;
  /** The form's fields, or its workflow (流程). */
  view: "form" | "flow";
  onView: (view: "form" | "flow") => void;
  /** The other designers of this form (initials next to the save state); a state array, so memo holds. */
  others: PresentUser[];
}

/** Memoised: the designer re-renders on every edit, the toolbar only when its own props change. */
export const DesignerToolbar = memo(function DesignerToolbar(props: DesignerToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className={styles.toolbar} role="toolbar" aria-label={t("designer.toolbar.label")}>
      <Space size={4}>
        <Tooltip title={t("designer.toolbar.undoHint")}>
          <Button
            icon={<UndoOutlined />}
            disabled={!props.canUndo}
            onClick={props.onUndo}
            aria-label={t("designer.toolbar.undo")}
            data-testid="undo"
          />
        </Tooltip>
        <Tooltip title={t("designer.toolbar.redoHint")}>
          <Button
            icon={<RedoOutlined />}
            disabled={!props.canRedo}
            onClick={props.onRedo}
            aria-label={t("designer.toolbar.redo")}
            data-testid="redo"
          />
        </Tooltip>
        <SaveIndicator save={props.save} onReload={props.onReload} />
        <PresenceAvatars others={props.others} />
      </Space>
      <Segmented
        value={props.view}
        onChange={(v) => props.onView(v as "form" | "flow")}
        options={[
          { value: "form", label: t("flows.view.form") },
          { value: "flow", label: <span data-testid="designer-view-flow">{t("flows.view.flow")}</span> },
        ]}
      />
      <Space size={8} wrap>
        <Button icon={<SettingOutlined />} onClick={props.onSettings}>
          {t("designer.toolbar.settings")}
        </Button>
        <Button icon={<EyeOutlined />} onClick={props.onPreview} data-testid="preview">
          {t("designer.toolbar.preview")}
        </Button>
        <Button type="primary" icon={<SendOutlined />} onClick={props.onPublish} data-testid="publish">
          {t("designer.toolbar.publish")}
        </Button>
      </Space>
    </div>
  );
});
