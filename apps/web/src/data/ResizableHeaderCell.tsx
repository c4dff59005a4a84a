import { type PointerEvent, type ThHTMLAttributes, useRef } from "react";
import { useTranslation } from "react-i18next";
import styles from "./data.module.css";

export interface ResizableHeaderProps extends ThHTMLAttributes<HTMLTableCellElement> {
  width?: number;
  onResize?(width: number): void;
}

/**
 * A header cell with a drag handle on its right edge. The new width is committed when the pointer is
 * released (one save, one re-layout of the virtual list) while the cell itself follows the pointer.
 */
export function ResizableHeaderCell({ width, onResize, children, ...rest }: ResizableHeaderProps) {
  const { t } = useTranslation();
  const cellRef = useRef<HTMLTableCellElement>(null);
  if (!onResize || width === undefined) return <th {...rest}>{children}</th>;

  const start = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = cellRef.current?.offsetWidth ?? width;
    let next = startWidth;
    const move = (e: globalThis.PointerEvent) => {
      next = Math.max(60, startWidth + e.clientX - startX);
      if (cellRef.current) cellRef.current.style.width = `${next}px`;
    };
    const end = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", end);
      handle.removeEventListener("pointercancel", end);
      onResize(next);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", end);
    handle.addEventListener("pointercancel", end);
  };

  return (
    <th {...rest} ref={cellRef} className={`${rest.className ?? ""} ${styles.resizable}`}>
      {children}
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable splitter with a value; <hr> cannot take focus or keys */}
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={t("data.columns.resize")}
        aria-valuenow={width}
        tabIndex={0}
        className={styles.resizeHandle}
        title={t("data.columns.resize")}
        onPointerDown={start}
        // The header's own click sorts; a resize must not.
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
          e.preventDefault();
          e.stopPropagation();
          onResize(Math.max(60, width + (e.key === "ArrowLeft" ? -20 : 20)));
        }}
      />
    </th>
  );
}
