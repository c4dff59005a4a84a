import { Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../common/use-document-title";
import { Brand } from "../shell/Brand";
import { LanguageSwitch } from "../shell/LanguageSwitch";
import { LoginForm } from "./LoginForm";
import { LoginShowcase } from "./LoginShowcase";
import styles from "./login.module.css";

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("login.title"));
  return (
    <div className={styles.page}>
      <LoginShowcase />
      <main className={styles.panel}>
        <Flex justify="space-between" align="center" className={styles.topBar}>
          <span className={styles.mobileBrand}>
            <Brand />
          </span>
          <LanguageSwitch />
        </Flex>
        <Flex flex={1} align="center" justify="center">
          <Card className={styles.card} variant="borderless">
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t("login.title")}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 28 }}>
              {t("login.subtitle")}
            </Typography.Paragraph>
            <LoginForm />
          </Card>
        </Flex>
      </main>
    </div>
  );
}
