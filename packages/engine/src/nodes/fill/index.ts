import { enterTaskNode } from "../../tasks/enter";
import type { NodeHandler } from "../types";

/** 填写: handlers submit their editable fields; they cannot reject, but may return or transfer. */
export const fill: NodeHandler<"fill"> = {
  enter: enterTaskNode,
  actions: ["submit", "return", "transfer"],
};
