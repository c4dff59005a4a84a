import { App } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { failureText } from "./failure-text";
import { useRecord } from "./use-records";

/**
 * The record a link names (`?record=<id>`, from a mention or a notification): fetched on its own, since
 * it need not be on the grid's current page, and cleared from the address when its drawer closes.
 */
export function useLinkedRecord(formId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const id = params.get("record") ?? undefined;
  const linked = useRecord(formId, id);

  const clear = () => {
    if (!params.has("record")) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete("record");
        return next;
      },
      { replace: true },
    );
  };

  // Deleted since the link was sent, or no longer visible to this user: say so instead of nothing.
  const error = linked.error;
  useEffect(() => {
    if (error) message.error(failureText(error, t));
  }, [error, message, t]);

  return { record: id ? linked.data : undefined, clear };
}
