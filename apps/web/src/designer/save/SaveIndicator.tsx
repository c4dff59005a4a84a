import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
} from "@ant-design/icons";
import { Button, Popover } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../common/error-message";
import styles from "../designer.module.css";
import type { Autosave } from "./use-autosave";

/** "Saved / saving / not saved" next to the toolbar, with the way out of an error or a conflict. */
export function SaveIndicator({ save, onReload }: { save: Autosave; onReload: () => void }) {
  const { t } = useTranslation();
  switch (save.status) {
    case "saved":
      return (
        <span className={styles.saveState} data-testid="save-status" data-status="saved">
          <CheckCircleOutlined /> {t("designer.save.saved")}
        </span>
      );
    case "pending":
    case "saving":
      return (
        <span className={styles.saveState} data-testid="save-status" data-status={save.status}>
          {save.status === "saving" ? <LoadingOutlined /> : <CloudSyncOutlined />} {t("designer.save.saving")}
        </span>
      );
    case "error":
      return (
        <Popover content={<div className={styles.popover}>{errorMessage(save.error, t)}</div>}>
          <span
            className={`${styles.saveState} ${styles.saveError}`}
            data-testid="save-status"
            data-status="error"
          >
            <ExclamationCircleOutlined /> {t("designer.save.error")}
            <Button size="small" type="link" onClick={() => save.flush().catch(() => undefined)}>
              {t("common.retry")}
            </Button>
          </span>
        </Popover>
      );
    case "conflict":
      return (
        <Popover
          open
          placement="bottom"
          content={
            <div className={styles.popover}>
              <p>{t("designer.save.conflict")}</p>
              <Button size="small" onClick={onReload}>
                {t("designer.save.reload")}
              </Button>{" "}
              <Button size="small" danger onClick={() => save.overwrite().catch(() => undefined)}>
                {t("designer.save.overwrite")}
              </Button>
            </div>
          }
        >
          <span
            className={`${styles.saveState} ${styles.saveError}`}
            data-testid="save-status"
            data-status="conflict"
          >
            <ExclamationCircleOutlined /> {t("designer.save.conflictShort")}
          </span>
        </Popover>
      );
  }
}
