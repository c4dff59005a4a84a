import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../common/use-document-title";
import { AuthFrame } from "./AuthFrame";
import { LoginForm } from "./LoginForm";

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("login.title"));
  return (
    <AuthFrame title={t("login.title")} subtitle={t("login.subtitle")}>
      <LoginForm />
    </AuthFrame>
  );
}
