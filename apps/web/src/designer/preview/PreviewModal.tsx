import { DesktopOutlined, MobileOutlined } from "@ant-design/icons";
import { Modal, Segmented } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "../designer.module.css";
import { useDesigner } from "../state/designer-context";
import { LivePreview } from "./LivePreview";

/** The form as a filler sees it, on a desktop or inside a 375 px phone frame. */
export function PreviewModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { definition } = useDesigner();
  const [device, setDevice] = useState<"desktop" | "phone">("desktop");
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width={device === "phone" ? 480 : 980}
      title={
        <div className={styles.previewTitle}>
          <span>{t("designer.preview.title")}</span>
          <Segmented
            size="small"
            value={device}
            onChange={(value) => setDevice(value as "desktop" | "phone")}
            options={[
              { value: "desktop", icon: <DesktopOutlined />, label: t("designer.preview.desktop") },
              { value: "phone", icon: <MobileOutlined />, label: t("designer.preview.phone") },
            ]}
          />
        </div>
      }
    >
      <div
        className={device === "phone" ? styles.phoneFrame : styles.desktopFrame}
        data-testid={`preview-${device}`}
      >
        <LivePreview definition={definition} />
      </div>
    </Modal>
  );
}
