// The data page's "导入" button. The wizard is a lazy chunk: it (and its texts) load on first click,
// and nothing of it reaches the fill page.
import { UploadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";

const ImportWizard = lazy(() => import("./ImportWizard"));

export function ImportButton({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="import-open">
        {t("import.button")}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <ImportWizard formId={formId} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
