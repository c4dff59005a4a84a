import { Card, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { Brand } from "../shell/Brand";
import { LanguageSwitch } from "../shell/LanguageSwitch";
import { LoginShowcase } from "./LoginShowcase";
import styles from "./login.module.css";

/** The signed-out pages' frame (sign in, join by invite): the showcase beside a card. */
export function AuthFrame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
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
              {title}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 28 }}>
              {subtitle}
            </Typography.Paragraph>
            {children}
          </Card>
        </Flex>
      </main>
    </div>
  );
}
