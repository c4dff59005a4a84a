import type { FormChangedHint, PresentUser } from "@formwork/schema";
import { useEffect, useState } from "react";
import { useRealtime } from "./RealtimeProvider";

export interface DesignerPresence {
  /** The other users who have this form's designer open. */
  others: PresentUser[];
  /** The latest save or publish by another user since this designer opened, until dismissed. */
  changed: FormChangedHint | undefined;
  dismiss: () => void;
}

/** Joins the form's designer presence while mounted; `me` is left out of the list and of changes. */
export function useDesignerPresence(formId: string, me: string): DesignerPresence {
  const connection = useRealtime();
  const [others, setOthers] = useState<PresentUser[]>([]);
  const [changed, setChanged] = useState<FormChangedHint>();
  useEffect(() => {
    if (!connection) return;
    const stopPresence = connection.onPresence((hint) => {
      if (hint.formId === formId) setOthers(hint.users.filter((u) => u.id !== me));
    });
    const stopChanges = connection.onFormChanged((hint) => {
      if (hint.formId === formId && hint.by.id !== me) setChanged(hint);
    });
    const leave = connection.design(formId);
    return () => {
      leave();
      stopPresence();
      stopChanges();
    };
  }, [connection, formId, me]);
  return { others, changed, dismiss: () => setChanged(undefined) };
}
