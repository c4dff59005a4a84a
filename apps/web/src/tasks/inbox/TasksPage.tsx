import { CheckOutlined, InboxOutlined } from "@ant-design/icons";
import { App, Badge, Button, Empty, Input, Modal, Segmented, Spin } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorState } from "../../common/ErrorState";
import { errorMessage } from "../../common/error-message";
import { useDocumentTitle } from "../../common/use-document-title";
import { BOXES, type Box, tasksApi } from "../api";
import styles from "../tasks.module.css";
import { useInbox, useInboxCounts, useInvalidateTasks } from "../use-tasks";
import { InboxRow } from "./InboxRow";

function isBox(value: string | null): value is Box {
  return (BOXES as readonly string[]).includes(value ?? "");
}

/** 待办 / 已办 / 我发起的 / 抄送我的: the four boxes with counts, a search, and batch approval of to-dos. */
export function Component() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const box: Box = isBox(params.get("box")) ? (params.get("box") as Box) : "todo";
  const [q, setQ] = useState("");
  const inbox = useInbox(box, q);
  const counts = useInboxCounts();
  const invalidate = useInvalidateTasks();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [batching, setBatching] = useState(false);
  const [comment, setComment] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [now] = useState(() => Date.now());
  useDocumentTitle(t("tasks.title"));

  const items = useMemo(() => inbox.data?.pages.flatMap((p) => p.items) ?? [], [inbox.data]);
  const pageCounts = inbox.data?.pages[0]?.counts ?? counts.data;
  const selectable = box === "todo";
  const batchApprove = async () => {
    setBatching(true);
    try {
      const chosen = items.filter((i) => i.taskId && selected.has(i.taskId));
      // The server approves each in its own transaction; fill tasks are submitted instead.
      const approvals = chosen
        .filter((i) => i.nodes.some((n) => n.type === "approval"))
        .map((i) => i.taskId as string);
      const fills = chosen
        .filter((i) => !approvals.includes(i.taskId as string))
        .map((i) => i.taskId as string);
      const results = [
        ...(approvals.length
          ? (await tasksApi.batch(approvals, { action: "approve", comment: comment || undefined })).results
          : []),
        ...(fills.length
          ? (await tasksApi.batch(fills, { action: "submit", comment: comment || undefined })).results
          : []),
      ];
      const failed = results.filter((r) => !r.ok);
      if (failed.length === 0) message.success(t("tasks.batch.done", { count: results.length }));
      else
        message.warning(
          t("tasks.batch.partly", { ok: results.length - failed.length, failed: failed.length }),
        );
      setSelected(new Set());
      setConfirming(false);
      setComment("");
      await invalidate();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setBatching(false);
    }
  };

  return (
    <div className={styles.page} data-testid="tasks-page">
      <header className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>{t("tasks.title")}</h1>
        <Input.Search
          allowClear
          className={styles.search}
          placeholder={t("tasks.search")}
          onSearch={(value) => setQ(value.trim())}
          data-testid="tasks-search"
        />
      </header>
      <Segmented
        className={styles.boxes}
        value={box}
        onChange={(value) => {
          setSelected(new Set());
          setParams({ box: value as string });
        }}
        options={BOXES.map((b) => ({
          value: b,
          label: (
            <span className={styles.boxLabel} data-testid={`box-${b}`}>
              {t(`tasks.boxes.${b}`)}
              {pageCounts && (b === "todo" || b === "cc") ? (
                <Badge
                  count={b === "todo" ? pageCounts.todo : (pageCounts.ccUnread ?? 0)}
                  size="small"
                  className={styles.boxBadge}
                />
              ) : pageCounts ? (
                <span className={styles.boxCount}>{pageCounts[b]}</span>
              ) : null}
            </span>
          ),
        }))}
      />
      {selectable && items.some((i) => i.taskId) ? (
        <div className={styles.batchBar}>
          <span>{t("tasks.batch.selected", { count: selected.size })}</span>
          <Button
            size="small"
            onClick={() =>
              setSelected(
                selected.size > 0 ? new Set() : new Set(items.flatMap((i) => (i.taskId ? [i.taskId] : []))),
              )
            }
          >
            {selected.size > 0 ? t("tasks.batch.clear") : t("tasks.batch.all")}
          </Button>
          <Button
            type="primary"
            size="small"
            icon={<CheckOutlined />}
            disabled={selected.size === 0}
            onClick={() => setConfirming(true)}
            data-testid="batch-approve"
          >
            {t("tasks.batch.approve")}
          </Button>
        </div>
      ) : null}
      {inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.isLoading ? (
        <div className={styles.loading}>
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <Empty
          className={styles.empty}
          image={<InboxOutlined className={styles.emptyIcon} />}
          description={q ? t("tasks.noMatch") : t(`tasks.emptyBox.${box}`)}
        />
      ) : (
        <div className={styles.list} data-testid="inbox-list">
          {items.map((item) => (
            <InboxRow
              key={`${item.taskId ?? ""}:${item.instanceId}`}
              item={item}
              box={box}
              now={now}
              selected={item.taskId ? selected.has(item.taskId) : false}
              onSelect={
                selectable && item.taskId
                  ? (on) => {
                      const next = new Set(selected);
                      if (on) next.add(item.taskId as string);
                      else next.delete(item.taskId as string);
                      setSelected(next);
                    }
                  : undefined
              }
            />
          ))}
          {inbox.hasNextPage ? (
            <Button
              block
              type="text"
              loading={inbox.isFetchingNextPage}
              onClick={() => void inbox.fetchNextPage()}
            >
              {t("tasks.more")}
            </Button>
          ) : null}
        </div>
      )}
      <Modal
        open={confirming}
        title={t("tasks.batch.title", { count: selected.size })}
        okText={t("tasks.batch.approve")}
        cancelText={t("common.cancel")}
        confirmLoading={batching}
        onOk={() => void batchApprove()}
        onCancel={() => setConfirming(false)}
      >
        <Input.TextArea
          rows={3}
          value={comment}
          placeholder={t("tasks.commentPlaceholder")}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </div>
  );
}
