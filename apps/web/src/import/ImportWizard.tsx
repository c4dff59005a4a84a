// The import drawer (a lazy chunk of the data page; a drawer rather than a modal, whose code would
// become a chunk shared with the fill page and grow its first download): upload → mapping, options and a preview whose
// error rows are highlighted → a background job with a progress bar and its result, with the rows not
// imported downloadable. Every check runs on the server; this only shows what it answered.
import { InboxOutlined } from "@ant-design/icons";
import {
  type ImportColumnMapping,
  type ImportEncoding,
  type ImportMode,
  type ImportPreview,
  type ImportPreviewRow,
  isApiError,
} from "@formwork/client";
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Grid,
  Progress,
  Radio,
  Result,
  Select,
  Space,
  Spin,
  Steps,
  Switch,
  Table,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { errorMessage } from "../common/error-message";
import { useInvalidateRecords } from "../data/use-records";
import { importTypeOf } from "./file-type";
import styles from "./import.module.css";
import { imports } from "./imports-client";
import { isRunning, useImportJob, usePreview } from "./use-import";
import { addWizardTexts, WIZARD_NS } from "./wizard-texts";

interface MappingRow {
  column: number;
  header: string;
}

interface Props {
  formId: string;
  onClose(): void;
}

const FILE_ERRORS = new Set([
  "ZIP_BOMB",
  "CELL_TOO_LONG",
  "TOO_MANY_ROWS",
  "TOO_MANY_COLUMNS",
  "NOT_UTF8",
  "NOT_XLSX",
  "CSV_SYNTAX",
  "EMPTY",
  "DUPLICATE_HEADER",
]);

export default function ImportWizard({ formId, onClose }: Props) {
  addWizardTexts();
  const { t } = useTranslation();
  const w = (key: string, options?: Record<string, unknown>) => t(`${WIZARD_NS}.${key}`, options ?? {});
  const screens = Grid.useBreakpoint();
  const invalidate = useInvalidateRecords(formId);
  const previewCall = usePreview(formId);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [data, setData] = useState<ImportPreview | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [onlyErrors, setOnlyErrors] = useState(true);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useImportJob(formId, jobId);
  const current = job.data;
  const [announced, setAnnounced] = useState(false);
  if (current?.status === "succeeded" && !announced) {
    setAnnounced(true);
    void invalidate();
  }

  const explain = (error: unknown) => {
    if (isApiError(error)) {
      const detail = error.details[0];
      if (detail?.code && FILE_ERRORS.has(detail.code))
        return w(`fileErrors.${detail.code}`, { message: detail.message });
    }
    return errorMessage(error, t);
  };

  const refresh = async (choice: {
    fileId: string;
    encoding?: ImportEncoding;
    mapping?: ImportColumnMapping[];
    mode?: ImportMode;
    keyField?: string | null;
  }) => {
    setProblem(null);
    try {
      const { keyField, ...rest } = choice;
      const next = await previewCall.mutateAsync({ ...rest, ...(keyField ? { keyField } : {}) });
      setData(next);
    } catch (error) {
      setProblem(explain(error));
    }
  };

  const upload = async (file: File) => {
    const type = importTypeOf(file.name);
    if (!type) {
      setProblem(w("fileErrors.unsupported"));
      return;
    }
    setUploading(true);
    setProblem(null);
    try {
      const uploaded = await api.files.upload(new File([file], file.name, { type }), file.name);
      await refresh({ fileId: uploaded.id });
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setUploading(false);
    }
  };

  const choiceOf = (preview: ImportPreview) => ({
    fileId: preview.file.id,
    encoding: preview.encoding,
    mapping: preview.mapping,
    mode: preview.mode,
    keyField: preview.keyField,
  });

  const setMapping = (column: number, fieldId: string | null) => {
    if (!data) return;
    const mapping = data.mapping.filter((m) => m.column !== column && m.fieldId !== fieldId);
    if (fieldId) mapping.push({ column, fieldId });
    mapping.sort((a, b) => a.column - b.column);
    void refresh({ ...choiceOf(data), mapping });
  };

  const start = async () => {
    if (!data) return;
    setStarting(true);
    setProblem(null);
    try {
      const started = await imports.start(formId, {
        fileId: data.file.id,
        encoding: data.encoding,
        mapping: data.mapping,
        mode: data.mode,
        ...(data.keyField ? { keyField: data.keyField } : {}),
        skipBadRows,
      });
      setJobId(started.id);
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setStarting(false);
    }
  };

  const step = jobId ? 2 : data ? 1 : 0;
  const preview = data?.preview ?? null;
  const needsKey = data !== null && data.mode !== "insert" && !data.keyField;
  const hasErrors = (preview?.errorRowCount ?? 0) > 0;
  const canStart =
    !!preview && !needsKey && data !== null && data.mapping.length > 0 && (!hasErrors || skipBadRows);
  const rows = preview ? (onlyErrors && hasErrors ? preview.errorRows : preview.sample) : [];
  const fieldLabel = (id: string) => data?.fields.find((f) => f.id === id)?.label ?? id;
  const sampleOf = (column: number) => preview?.sample[0]?.cells[column] ?? "";

  const footer =
    step === 1 ? (
      <Space wrap>
        <Button onClick={() => setData(null)}>{w("back")}</Button>
        <Button
          type="primary"
          disabled={!canStart}
          loading={starting}
          onClick={() => void start()}
          data-testid="import-start"
        >
          {w("start")}
        </Button>
      </Space>
    ) : step === 2 && isRunning(current) ? (
      <Button danger onClick={() => jobId && void imports.cancel(formId, jobId).then(() => job.refetch())}>
        {w("cancel")}
      </Button>
    ) : (
      <Button onClick={onClose} data-testid="import-close">
        {w("close")}
      </Button>
    );

  return (
    <Drawer
      open
      title={w("title")}
      size={screens.md ? 960 : "100%"}
      onClose={onClose}
      footer={footer}
      maskClosable={false}
      destroyOnHidden
      data-testid="import-dialog"
    >
      <Steps
        size="small"
        current={step}
        className={styles.steps}
        items={[{ title: w("steps.upload") }, { title: w("steps.map") }, { title: w("steps.run") }]}
      />
      {problem ? (
        <Alert
          type="error"
          showIcon
          message={problem}
          className={styles.alert}
          data-testid="import-problem"
        />
      ) : null}

      {step === 0 ? (
        <Spin spinning={uploading} tip={w("reading")}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{w("drop")}</p>
            <p className="ant-upload-hint">{w("dropHint")}</p>
          </Upload.Dragger>
        </Spin>
      ) : null}

      {step === 1 && data ? (
        <Spin spinning={previewCall.isPending}>
          <Descriptions size="small" column={screens.md ? 3 : 1} className={styles.summary}>
            <Descriptions.Item label={w("file")}>{data.file.name}</Descriptions.Item>
            {data.file.kind === "csv" ? (
              <Descriptions.Item label={w("encoding")}>
                <Space wrap>
                  <Select<ImportEncoding>
                    size="small"
                    value={data.encoding}
                    aria-label={w("encoding")}
                    data-testid="import-encoding"
                    options={(["utf-8", "gb18030"] as const).map((e) => ({
                      value: e,
                      label: w(`encodings.${e}`),
                    }))}
                    onChange={(encoding) => void refresh({ ...choiceOf(data), encoding })}
                  />
                  <Typography.Text type="secondary">
                    {w("encodingDetected", { name: w(`encodings.${data.detectedEncoding}`) })}
                  </Typography.Text>
                </Space>
              </Descriptions.Item>
            ) : null}
            {preview ? (
              <Descriptions.Item label={w("preview")}>
                <span data-testid="import-summary">
                  {w("totalRows", { count: preview.totalRows })} ·{" "}
                  {hasErrors ? (
                    <Typography.Text type="danger">
                      {w("errorRows", { count: preview.errorRowCount })}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="success">{w("noErrors")}</Typography.Text>
                  )}
                </span>
              </Descriptions.Item>
            ) : null}
          </Descriptions>

          <Typography.Title level={5}>{w("mapping")}</Typography.Title>
          <Table<MappingRow>
            size="small"
            rowKey="column"
            pagination={false}
            scroll={{ x: 480, y: 240 }}
            data-testid="import-mapping"
            dataSource={data.headers.map((header, column) => ({ column, header }))}
            columns={[
              { title: w("column"), dataIndex: "header", width: 160 },
              {
                title: w("field"),
                key: "field",
                width: 220,
                render: (_: unknown, row: MappingRow) => (
                  <Select<string>
                    size="small"
                    className={styles.fieldSelect}
                    aria-label={`${w("field")} ${row.header}`}
                    value={data.mapping.find((m) => m.column === row.column)?.fieldId ?? ""}
                    options={[
                      { value: "", label: w("skipColumn") },
                      ...data.fields.map((f) => ({
                        value: f.id,
                        label: f.required ? `${f.label} *` : f.label,
                      })),
                    ]}
                    onChange={(value) => setMapping(row.column, value === "" ? null : value)}
                  />
                ),
              },
              {
                title: w("sample"),
                key: "sample",
                ellipsis: true,
                render: (_: unknown, row: MappingRow) => sampleOf(row.column),
              },
            ]}
          />

          <div className={styles.options}>
            <Space direction="vertical" size="small" className={styles.full}>
              <Space wrap>
                <Typography.Text strong>{w("mode")}</Typography.Text>
                <Radio.Group
                  value={data.mode}
                  optionType="button"
                  size="small"
                  data-testid="import-mode"
                  options={(["insert", "update", "upsert"] as const).map((m) => ({
                    value: m,
                    label: w(`modes.${m}`),
                  }))}
                  onChange={(event) =>
                    void refresh({ ...choiceOf(data), mode: event.target.value as ImportMode })
                  }
                />
              </Space>
              {data.mode !== "insert" ? (
                <Space wrap>
                  <Typography.Text strong>{w("keyField")}</Typography.Text>
                  <Select<string>
                    size="small"
                    className={styles.fieldSelect}
                    placeholder={w("keyFieldPlaceholder")}
                    value={data.keyField ?? undefined}
                    options={data.fields
                      .filter((f) => f.key && data.mapping.some((m) => m.fieldId === f.id))
                      .map((f) => ({ value: f.id, label: f.label }))}
                    onChange={(keyField) => void refresh({ ...choiceOf(data), keyField })}
                  />
                </Space>
              ) : null}
              <Checkbox
                checked={skipBadRows}
                onChange={(e) => setSkipBadRows(e.target.checked)}
                data-testid="import-skip"
              >
                {w("skipBadRows")}
              </Checkbox>
              {data.mapping.length === 0 ? <Alert type="info" showIcon message={w("needMapping")} /> : null}
              {needsKey ? <Alert type="info" showIcon message={w("needKey")} /> : null}
            </Space>
          </div>

          {preview ? (
            <>
              <Space className={styles.previewHead} wrap>
                <Typography.Title level={5}>{w("preview")}</Typography.Title>
                {hasErrors ? (
                  <Space>
                    <Switch
                      size="small"
                      checked={onlyErrors}
                      onChange={setOnlyErrors}
                      aria-label={w("onlyErrors")}
                    />
                    <span>{w("onlyErrors")}</span>
                  </Space>
                ) : null}
              </Space>
              <Table<ImportPreviewRow>
                size="small"
                rowKey="row"
                pagination={{ pageSize: 10, size: "small", hideOnSinglePage: true }}
                scroll={{ x: Math.max(480, data.headers.length * 120 + 300) }}
                data-testid="import-preview"
                rowClassName={(row) => (row.errors.length > 0 ? styles.errorRow! : "")}
                dataSource={rows}
                columns={[
                  { title: w("row"), dataIndex: "row", width: 64, fixed: "left" },
                  ...data.headers.map((header, column) => ({
                    title: data.mapping.some((m) => m.column === column)
                      ? `${header} → ${fieldLabel(data.mapping.find((m) => m.column === column)!.fieldId)}`
                      : header,
                    key: `c${column}`,
                    width: 140,
                    ellipsis: true,
                    render: (_: unknown, row: ImportPreviewRow) => row.cells[column] ?? "",
                  })),
                  {
                    title: w("errors"),
                    key: "errors",
                    width: 280,
                    render: (_: unknown, row: ImportPreviewRow) =>
                      row.errors.map((e, i) => (
                        <div key={i} className={styles.errorText}>
                          {e.column ? `${e.column}: ` : ""}
                          {e.message}
                        </div>
                      )),
                  },
                ]}
              />
            </>
          ) : null}
        </Spin>
      ) : null}

      {step === 2 ? (
        <div className={styles.run} data-testid="import-run">
          {!current || isRunning(current) ? (
            <>
              <Typography.Text>{w(`status.${current?.status ?? "queued"}`)}</Typography.Text>
              <Progress
                percent={
                  current && current.total > 0 ? Math.floor((current.processed / current.total) * 100) : 0
                }
                status="active"
              />
              {current && current.total > 0 ? (
                <Typography.Text type="secondary">
                  {w("progress", { processed: current.processed, total: current.total })}
                </Typography.Text>
              ) : null}
            </>
          ) : (
            <Result
              status={
                current.status === "succeeded" ? (current.rejected > 0 ? "warning" : "success") : "error"
              }
              title={<span data-testid="import-status">{w(`status.${current.status}`)}</span>}
              subTitle={
                <span data-testid="import-result">
                  {current.status === "failed" && current.error
                    ? w("rejectedNone", {
                        message:
                          current.error.code === "ROWS_REJECTED"
                            ? w("errorRows", { count: current.rejected })
                            : current.error.message,
                      })
                    : w("result", {
                        inserted: current.inserted,
                        updated: current.updated,
                        rejected: current.rejected,
                      })}
                </span>
              }
              extra={
                current.rejected > 0 && jobId ? (
                  <Button href={imports.rejectedUrl(formId, jobId)} download data-testid="import-download">
                    {w("downloadRejected")}
                  </Button>
                ) : null
              }
            />
          )}
        </div>
      ) : null}
    </Drawer>
  );
}
