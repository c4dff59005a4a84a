import type { TFunction } from "i18next";
import { localize } from "../common/localized-text";
import type { NodeRef } from "./api";

/** A node's name; an unnamed one (the server then sends its id as the name) by its kind's name. */
export function nodeLabel(node: NodeRef | undefined, t: TFunction, language: string): string {
  if (!node) return "";
  const name = localize(node.name, language);
  return name && name !== node.id ? name : t(`flows.kinds.${node.type}`, { defaultValue: node.id });
}
