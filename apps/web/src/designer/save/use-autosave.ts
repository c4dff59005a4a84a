// Autosave of the draft: a debounced PUT after every change, guarded against overwriting someone
// else's newer draft (the server's updatedAt is compared with the one this editor last saw).
import type { Form } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../../api/client";

export const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus = "saved" | "pending" | "saving" | "error" | "conflict";

export interface Autosave {
  status: SaveStatus;
  error?: unknown;
  /** Saves now (publish calls this first); rejects when the save fails or conflicts. */
  flush: () => Promise<void>;
  /** Saves over the newer server draft after a conflict. */
  overwrite: () => Promise<void>;
}

export function useAutosave(
  formId: string,
  loaded: Form | undefined,
  definition: FormDefinition | undefined,
): Autosave {
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [error, setError] = useState<unknown>();
  const seen = useRef<string | undefined>(undefined);
  const savedJson = useRef<string | undefined>(undefined);
  const latest = useRef(definition);
  latest.current = definition;
  const running = useRef<Promise<void> | undefined>(undefined);

  useEffect(() => {
    if (loaded && seen.current === undefined) {
      seen.current = loaded.updatedAt;
      savedJson.current = JSON.stringify(loaded.definition);
    }
  }, [loaded]);

  const save = useCallback(
    async (force: boolean): Promise<void> => {
      const def = latest.current;
      if (!def) return;
      const json = JSON.stringify(def);
      if (json === savedJson.current && !force) {
        setStatus("saved");
        return;
      }
      setStatus("saving");
      try {
        if (!force) {
          const current = await api.forms.get(formId);
          if (seen.current !== undefined && current.updatedAt !== seen.current) {
            setStatus("conflict");
            throw new Error("conflict");
          }
        }
        const saved = await api.forms.saveDraft(formId, def);
        seen.current = saved.updatedAt;
        savedJson.current = json;
        setError(undefined);
        setStatus(JSON.stringify(latest.current) === json ? "saved" : "pending");
      } catch (cause) {
        if (cause instanceof Error && cause.message === "conflict") throw cause;
        setError(cause);
        setStatus("error");
        throw cause;
      }
    },
    [formId],
  );

  const run = useCallback(
    (force: boolean) => {
      // One save at a time: the next waits for the running one, then saves the latest state.
      const next = (running.current ?? Promise.resolve()).catch(() => undefined).then(() => save(force));
      running.current = next;
      return next;
    },
    [save],
  );

  useEffect(() => {
    if (!definition || savedJson.current === undefined) return;
    if (JSON.stringify(definition) === savedJson.current) return;
    setStatus((s) => (s === "conflict" ? s : "pending"));
    const timer = setTimeout(() => {
      if (status !== "conflict") run(false).catch(() => undefined);
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [definition, run, status]);

  return {
    status,
    error,
    flush: useCallback(() => run(false), [run]),
    overwrite: useCallback(() => run(true), [run]),
  };
}
