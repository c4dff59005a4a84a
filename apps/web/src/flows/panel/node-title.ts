import type { FlowNode } from "@formwork/schema";
import type { TFunction } from "i18next";
import { localize } from "../../common/localized-text";

/** A node's name, or its kind's name when it has none. */
export function nodeTitle(node: FlowNode | undefined, t: TFunction, language: string): string {
  if (!node) return "";
  return localize(node.name, language) || t(`flows.kinds.${node.type}`);
}
