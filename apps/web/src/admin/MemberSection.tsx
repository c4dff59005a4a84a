import type { Member, MemberQuery } from "@formwork/client";
import { Button, Flex, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import styles from "./org.module.css";
import { MembersPicker } from "./Pickers";
import { useMembers } from "./use-org";

/** The members of a department or a role: a count, a picker to add more, and the list. */
export function MemberSection({
  title,
  query,
  addLabel,
  emptyText,
  adding,
  onAdd,
  columns,
  testId,
}: {
  title: string;
  query: MemberQuery;
  addLabel: string;
  emptyText: string;
  /** An add is in flight. */
  adding: boolean;
  /** Adds the picked members; `done` clears the picker. */
  onAdd: (userIds: string[], done: () => void) => void;
  columns: ColumnsType<Member>;
  testId?: string;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const members = useMembers({ ...query, limit: 200 });
  return (
    <div>
      <Flex justify="space-between" align="center" gap={8} wrap className={styles.sectionHead}>
        <Typography.Text strong>
          {title} · {members.data?.total ?? 0}
        </Typography.Text>
        <Flex gap={8} className={styles.addRow} data-testid={testId}>
          <div className={styles.grow}>
            <MembersPicker value={picked} onChange={setPicked} />
          </div>
          <Button
            type="primary"
            disabled={picked.length === 0}
            loading={adding}
            onClick={() => onAdd(picked, () => setPicked([]))}
          >
            {addLabel}
          </Button>
        </Flex>
      </Flex>
      <Table<Member>
        rowKey="id"
        size="small"
        loading={members.isFetching}
        dataSource={members.data?.members ?? []}
        pagination={false}
        locale={{ emptyText }}
        columns={columns}
      />
    </div>
  );
}
