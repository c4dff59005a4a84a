// Every node kind's data half, keyed by kind: a kind added to NODE_KINDS fails to compile here until
// its folder exists.
import type { NodeKind } from "@formwork/schema";
import { approvalKind } from "./approval/kind";
import { branchKind } from "./branch/kind";
import { ccKind } from "./cc/kind";
import { endKind } from "./end/kind";
import { fillKind } from "./fill/kind";
import { joinKind } from "./join/kind";
import type { NodeKindDef } from "./kind";
import { parallelKind } from "./parallel/kind";
import { startKind } from "./start/kind";

export const NODE_KIND_DEFS: { [K in NodeKind]: NodeKindDef<K> } = {
  start: startKind,
  approval: approvalKind,
  fill: fillKind,
  cc: ccKind,
  branch: branchKind,
  parallel: parallelKind,
  join: joinKind,
  end: endKind,
};

export function kindDef<K extends NodeKind>(kind: K): NodeKindDef<K> {
  return NODE_KIND_DEFS[kind];
}
