import { enterTaskNode } from "../../tasks/enter";
import type { NodeHandler } from "../types";

/** 审批: approvers approve or reject under the node's mode; may return, transfer, add signers, edit fields. */
export const approval: NodeHandler<"approval"> = {
  enter: enterTaskNode,
  actions: ["approve", "reject", "return", "transfer", "addSigner"],
};
