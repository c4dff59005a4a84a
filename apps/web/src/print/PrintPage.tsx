import { PrinterOutlined } from "@ant-design/icons";
import { createFieldServices, FormRenderer } from "@formwork/renderer";
import type { Locale } from "@formwork/schema";
import { useQuery } from "@tanstack/react-query";
import { Button } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api } from "../api/client";
import { ErrorState } from "../common/ErrorState";
import { localize } from "../common/localized-text";
import { PageLoading } from "../common/PageLoading";
import { useDocumentTitle } from "../common/use-document-title";
import { formatDateTime } from "../data/record-columns";
import { PrintFlowLog } from "./PrintFlowLog";
import { PrintSubform } from "./PrintSubform";
import styles from "./print.module.css";
import { printSegments } from "./print-segments";

/**
 * A record on an A4 page (打印): the form's title and serial number, every field the user may see in the
 * form's widths (sub-forms as tables, images and signature fields as images), then the flow log with the
 * approvers' handwritten signatures. No app chrome; the print button calls the browser's print dialog.
 * The server decides what is shown (the `print` action, the user's rows and visible fields).
 */
export function PrintPage() {
  const { t, i18n } = useTranslation();
  const { formId = "", recordId = "" } = useParams();
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const view = useQuery({
    queryKey: ["print", formId, recordId],
    queryFn: () => api.records.print(formId, recordId),
    retry: false,
  });
  const services = useMemo(
    () => createFieldServices({ client: api, formIds: new Map(), locale: () => i18n.language }),
    [i18n],
  );
  const title = view.data ? localize(view.data.form.name, i18n.language) : undefined;
  useDocumentTitle(title);
  if (view.isLoading) return <PageLoading />;
  if (view.isError || !view.data)
    return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const { form, record, flow, printedAt } = view.data;
  const serialField = form.fields.find((f) => f.type === "serial");
  const serial = serialField ? record.data[serialField.id] : undefined;
  return (
    <div className={styles.screen}>
      <div className={styles.toolbar} data-testid="print-toolbar">
        <span className={styles.hint}>{t("print.hint")}</span>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="print-button"
        >
          {t("print.print")}
        </Button>
      </div>
      <article className={styles.sheet} data-testid="print-sheet">
        <header className={styles.header}>
          <h1 className={styles.title} data-testid="print-title">
            {title}
          </h1>
          <dl className={styles.meta}>
            {typeof serial === "string" && serial !== "" ? (
              <div>
                <dt>{t("print.serial")}</dt>
                <dd data-testid="print-serial">{serial}</dd>
              </div>
            ) : null}
            {flow ? (
              <div>
                <dt>{t("print.status")}</dt>
                <dd data-testid="print-status">
                  {t(`tasks.instanceStatus.${flow.instance.status}`, { defaultValue: flow.instance.status })}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t("print.submittedAt")}</dt>
              <dd>{formatDateTime(record.createdAt, locale)}</dd>
            </div>
          </dl>
        </header>
        <section className={styles.fields} data-testid="print-fields">
          {printSegments(form.fields).map((segment) =>
            segment.type === "subform" ? (
              <PrintSubform
                key={segment.field.id}
                field={segment.field}
                rows={record.data[segment.field.id]}
                locale={locale}
              />
            ) : (
              <FormRenderer
                key={segment.fields[0]?.id}
                form={{ key: "print", name: form.name, fields: segment.fields }}
                value={record.data}
                recordId={record.id}
                mode="view"
                locale={locale}
                services={services}
              />
            ),
          )}
        </section>
        {flow ? (
          <section className={styles.flow} data-testid="print-flow">
            <h2 className={styles.sectionTitle}>{t("print.flowLog")}</h2>
            <PrintFlowLog log={flow.log} nodes={flow.chart.nodes} />
          </section>
        ) : null}
        <footer className={styles.footer}>
          {t("print.printedAt", { time: formatDateTime(printedAt, locale) })}
        </footer>
      </article>
    </div>
  );
}
