import { Empty } from "antd";
import { useTranslation } from "react-i18next";
import styles from "./forms.module.css";

/**
 * The empty state of a tab whose page is still being built (the fill, data and design pages each land
 * in their own route module, replacing this).
 */
export function ComingSoon({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <div className={styles.coming}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <div className={styles.comingTitle}>{t(title)}</div>
            <div>{t(text)}</div>
          </>
        }
      />
    </div>
  );
}
