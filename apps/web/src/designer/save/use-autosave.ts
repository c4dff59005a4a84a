// Autosave of the draft: a debounced PUT after every change. Each save names the draft revision this
// editor last read or wrote (If-Match); the server refuses it with VERSION_CONFLICT when another
// designer saved in between, so nobody's work is overwritten silently. The editor then stops saving
// and offers to reload theirs or to overwrite it deliberately.
import { type Form, isApiError } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
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

export class DraftConflict extends Error {
  constructor() {
    super("The draft was saved elsewhere since this editor read it");
    this.name = "DraftConflict";
  }
}

export function useAutosave(
  formId: string,
  loaded: Form | undefined,
  definition: FormDefinition | undefined,
): Autosave {
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [error, setError] = useState<unknown>();
  const revision = useRef<number | undefined>(undefined);
  const savedJson = useRef<string | undefined>(undefined);
  const latest = useRef(definition);
  latest.current = definition;
  const running = useRef<Promise<void> | undefined>(undefined);
  const conflicted = useRef(false);
  /** The definition object whose JSON is savedJson, while the editor still shows that very object. */
  const savedDefinition = useRef<FormDefinition | undefined>(undefined);

  useEffect(() => {
    if (loaded && revision.current === undefined) {
      revision.current = loaded.revision;
      savedJson.current = JSON.stringify(loaded.definition);
    }
  }, [loaded]);

  const save = useCallback(
    async (force: boolean): Promise<void> => {
      const def = latest.current;
      if (!def) return;
      if (conflicted.current && !force) throw new DraftConflict();
      const json = JSON.stringify(def);
      if (json === savedJson.current && !force) {
        setStatus("saved");
        return;
      }
      setStatus("saving");
      try {
        // Overwriting is a deliberate choice: save on top of whatever revision the server has now.
        const base = force ? (await api.forms.get(formId)).revision : revision.current;
        const saved = await api.forms.saveDraft(formId, def, base);
        revision.current = saved.revision;
        savedJson.current = json;
        savedDefinition.current = def;
        conflicted.current = false;
        setError(undefined);
        setStatus(JSON.stringify(latest.current) === json ? "saved" : "pending");
      } catch (cause) {
        if (isApiError(cause) && cause.code === "VERSION_CONFLICT") {
          conflicted.current = true;
          setStatus("conflict");
          throw new DraftConflict();
        }
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
    // The definition saved last keeps its identity in the history (undo returns that very object), so
    // comparing identities spares serialising 200 fields on every keystroke; the JSON is compared
    // only until the loaded definition has been seen, and again by save() before it sends anything.
    if (definition === savedDefinition.current) return;
    if (savedDefinition.current === undefined && JSON.stringify(definition) === savedJson.current) {
      savedDefinition.current = definition;
      return;
    }
    if (conflicted.current) return;
    setStatus("pending");
    const timer = setTimeout(() => run(false).catch(() => undefined), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [definition, run]);

  const flush = useCallback(() => run(false), [run]);
  const overwrite = useCallback(() => run(true), [run]);
  // One object per status: the toolbar showing it is memoised on it.
  return useMemo(() => ({ status, error, flush, overwrite }), [status, error, flush, overwrite]);
}
