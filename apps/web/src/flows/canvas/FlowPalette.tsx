import { NODE_KINDS, type NodeKind } from "@formwork/schema";
import { Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import styles from "../flows.module.css";
import { kindDef } from "../nodes/kinds";
import { kindUi } from "../nodes/ui";
import { PALETTE_MIME } from "./FlowCanvas";

const KINDS = NODE_KINDS.filter((k) => kindDef(k).inPalette);

/** Node kinds to drag onto the canvas (or click, to drop one in the middle), then connect by dragging. */
export function FlowPalette({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  const { t } = useTranslation();
  return (
    <aside className={styles.palette} aria-label={t("flows.palette.label")}>
      <h3 className={styles.paletteHeading}>{t("flows.palette.title")}</h3>
      <div className={styles.paletteList}>
        {KINDS.map((kind) => (
          <Tooltip key={kind} title={t(`flows.kindHints.${kind}`)} placement="right">
            <button
              type="button"
              draggable
              className={styles.paletteItem}
              style={{ ["--accent" as string]: kindUi(kind).color }}
              onDragStart={(event) => {
                event.dataTransfer.setData(PALETTE_MIME, kind);
                event.dataTransfer.effectAllowed = "move";
              }}
              onClick={() => onAdd(kind)}
              data-testid={`flow-palette-${kind}`}
            >
              <span className={styles.paletteIcon}>{kindUi(kind).icon}</span>
              {t(`flows.kinds.${kind}`)}
            </button>
          </Tooltip>
        ))}
      </div>
      <p className={styles.paletteTip}>{t("flows.palette.tip")}</p>
    </aside>
  );
}
