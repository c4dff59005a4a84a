import { CheckOutlined } from "@ant-design/icons";
import { APP_ICONS, type AppIcon } from "@formwork/schema/app-appearance";
import { Form } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { APP_COLOURS } from "../theme/theme";
import { AppAvatar } from "./AppAvatar";
import { appAppearance, defaultColour } from "./app-appearance";
import { APP_ICON_GLYPHS } from "./app-icons";
import styles from "./apps.module.css";

export interface AppLookValues {
  name: string;
  icon?: AppIcon | null;
  colour?: string | null;
}

/** Colour swatches: native radios (arrow keys move between them), drawn as circles. */
function ColourSwatches({ value, onChange }: { value?: string | null; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className={styles.choices}>
      <legend className={styles.srOnly}>{t("appLook.colour")}</legend>
      {APP_COLOURS.map((colour) => (
        <label
          key={colour}
          className={styles.swatch}
          style={{ background: colour }}
          data-testid={`colour-${colour}`}
        >
          <input
            type="radio"
            name="app-colour"
            value={colour}
            checked={value === colour}
            onChange={() => onChange?.(colour)}
            className={styles.srOnly}
            aria-label={colour}
          />
          {value === colour ? <CheckOutlined /> : null}
        </label>
      ))}
    </fieldset>
  );
}

function IconChoice({
  label,
  checked,
  colour,
  onPick,
  testId,
  children,
}: {
  label: string;
  checked: boolean;
  colour: string;
  onPick: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <label
      className={styles.iconChoice}
      title={label}
      data-testid={testId}
      style={checked ? { color: colour, borderColor: colour, background: `${colour}14` } : undefined}
    >
      <input
        type="radio"
        name="app-icon"
        checked={checked}
        onChange={onPick}
        className={styles.srOnly}
        aria-label={label}
      />
      {children}
    </label>
  );
}

function IconGrid({
  value,
  onChange,
  colour,
  initial,
}: {
  value?: AppIcon | null;
  onChange?: (v: AppIcon | null) => void;
  colour: string;
  /** What the tile shows without an icon: the name's first character. */
  initial: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={`${styles.choices} ${styles.iconGrid}`}>
      <legend className={styles.srOnly}>{t("appLook.icon")}</legend>
      <IconChoice
        label={t("appLook.initial")}
        checked={!value}
        colour={colour}
        onPick={() => onChange?.(null)}
        testId="icon-initial"
      >
        <span className={styles.iconInitial}>{initial}</span>
      </IconChoice>
      {APP_ICONS.map((icon) => {
        const Glyph = APP_ICON_GLYPHS[icon];
        return (
          <IconChoice
            key={icon}
            label={t(`appLook.icons.${icon}`)}
            checked={value === icon}
            colour={colour}
            onPick={() => onChange?.(icon)}
            testId={`icon-${icon}`}
          >
            <Glyph />
          </IconChoice>
        );
      })}
    </fieldset>
  );
}

/** Icon and colour of an app, with a live preview of its tile; used when creating and in settings. */
export function AppLookFields({ appId }: { appId?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<AppLookValues>();
  const name = Form.useWatch("name", form) ?? "";
  const icon = Form.useWatch("icon", form);
  const picked = Form.useWatch("colour", form);
  const colour = picked || (appId ? defaultColour(appId) : APP_COLOURS[0]);
  return (
    <div className={styles.look}>
      <div className={styles.lookPreview}>
        <AppAvatar app={{ id: appId ?? "", name: name || "?", icon, colour }} size={56} />
      </div>
      <div className={styles.lookFields}>
        <Form.Item name="colour" label={t("appLook.colour")}>
          <ColourSwatches />
        </Form.Item>
        <Form.Item name="icon" label={t("appLook.icon")}>
          <IconGrid colour={colour} initial={appAppearance({ id: "", name: name || "?" }).initial} />
        </Form.Item>
      </div>
    </div>
  );
}
