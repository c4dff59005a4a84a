// Every node kind's React half, keyed by kind (a missing kind fails to compile).
import type { NodeKind } from "@formwork/schema";
import { approvalUi } from "./approval/ui";
import { branchUi } from "./branch/ui";
import { ccUi } from "./cc/ui";
import { endUi } from "./end/ui";
import { fillUi } from "./fill/ui";
import { joinUi } from "./join/ui";
import { parallelUi } from "./parallel/ui";
import { startUi } from "./start/ui";
import type { NodeKindUi } from "./ui-kind";

export const NODE_KIND_UI: { [K in NodeKind]: NodeKindUi<K> } = {
  start: startUi,
  approval: approvalUi,
  fill: fillUi,
  cc: ccUi,
  branch: branchUi,
  parallel: parallelUi,
  join: joinUi,
  end: endUi,
};

export function kindUi<K extends NodeKind>(kind: K): NodeKindUi<K> {
  return NODE_KIND_UI[kind];
}
