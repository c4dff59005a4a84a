import type { Session } from "@formwork/client";
import type { FieldType } from "@formwork/schema";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { queryKeys } from "../api/query-keys";
import { useApp } from "../api/use-apps";
import { ErrorState } from "../common/ErrorState";
import { PageLoading } from "../common/PageLoading";
import { FormChangedBanner } from "../realtime/DesignerPresence";
import { useDesignerPresence } from "../realtime/use-designer-presence";
import { Canvas } from "./canvas/Canvas";
import { DesignerDnd } from "./canvas/DesignerDnd";
import { DesignerToolbar } from "./DesignerToolbar";
import styles from "./designer.module.css";
import { Palette } from "./palette/Palette";
import { PreviewModal } from "./preview/PreviewModal";
import { PropertyPanel } from "./properties/PropertyPanel";
import { PublishModal } from "./publish/PublishModal";
import { useAutosave } from "./save/use-autosave";
import { FormSettingsDrawer } from "./settings/FormSettingsDrawer";
import { definitionReducer, initialHistory } from "./state/definition-history";
import {
  type DesignerActions,
  DesignerActionsContext,
  DesignerContext,
  type DesignerState,
  type Selection,
} from "./state/designer-context";
import { DesignerTextContext } from "./state/designer-text";
import { allFieldIds } from "./state/field-tree";
import { createField } from "./state/new-field";
import { useHistoryKeys } from "./use-history-keys";

// The flow designer (React Flow, dagre) is its own chunk, loaded when the Flow switch is first used.
const FlowDesigner = lazy(() => import("../flows/FlowDesigner"));

/** The form designer: palette, canvas and property panel over one undoable definition, autosaved. */
export default function Designer({ appId, formId }: { appId: string; formId: string }) {
  const form = useQuery({
    queryKey: queryKeys.form(formId),
    queryFn: () => api.forms.get(formId),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [history, dispatch] = useReducer(definitionReducer, undefined, () =>
    initialHistory({ key: "", name: "", fields: [] }),
  );
  // The app's form summaries carry the published version and are refreshed by a publish.
  const app = useApp(appId);
  const [loadedAt, setLoadedAt] = useState<string>();
  const [selection, setSelection] = useState<Selection>();
  const [panel, setPanel] = useState<"settings" | "preview" | "publish">();
  const [view, setView] = useState<"form" | "flow">("form");
  const { t, i18n } = useTranslation();
  const text = useMemo(() => ({ t, language: i18n.language }), [t, i18n.language]);

  useEffect(() => {
    if (form.data && form.data.updatedAt !== loadedAt && loadedAt === undefined) {
      dispatch({ type: "load", definition: form.data.definition });
      setLoadedAt(form.data.updatedAt);
    }
  }, [form.data, loadedAt]);

  const ready = loadedAt !== undefined;
  // Who else designs this form right now, and whether another user saved or published since it opened.
  // The session is loaded before any page renders (RequireSession); read from the cache rather than
  // through useCurrentUser, whose module would then become a chunk of its own on every page's first load.
  const me = useQueryClient().getQueryData<Session>(queryKeys.session)?.user.id ?? "";
  const presence = useDesignerPresence(formId, me);
  const save = useAutosave(formId, form.data, ready ? history.present : undefined);
  const undo = useCallback(() => dispatch({ type: "undo" }), []);
  const redo = useCallback(() => dispatch({ type: "redo" }), []);
  useHistoryKeys(undo, redo);

  const state = useMemo<DesignerState>(
    () => ({ definition: history.present, dispatch, selection, select: setSelection }),
    [history.present, selection],
  );
  const latest = useRef(history.present);
  latest.current = history.present;
  const actions = useMemo<DesignerActions>(
    () => ({ dispatch, select: setSelection, definition: () => latest.current }),
    [],
  );
  const append = useCallback((type: FieldType) => {
    const field = createField(type, allFieldIds(latest.current));
    dispatch({ type: "add", field });
    setSelection({ id: field.id });
  }, []);

  // Stable handlers: the toolbar is memoised and must not re-render with every keystroke.
  const openSettings = useCallback(() => setPanel("settings"), []);
  const openPreview = useCallback(() => setPanel("preview"), []);
  const openPublish = useCallback(() => setPanel("publish"), []);
  const reload = useCallback(() => window.location.reload(), []);
  // The panes as one element that changes only with the selection: the drag layer around them
  // (DndContext and its auto-scroller) then skips the designer's re-render on every edit; the canvas
  // and the property panel follow the definition through the designer context.
  const selectionKey = selection ? `${selection.parent ?? ""}/${selection.id}` : "none";
  const panes = useMemo(
    () => (
      <div className={styles.panes}>
        <Palette onAdd={append} />
        <Canvas />
        <PropertyPanel key={selectionKey} />
      </div>
    ),
    [append, selectionKey],
  );

  if (form.isError) return <ErrorState error={form.error} onRetry={() => form.refetch()} />;
  if (!ready || !form.data) return <PageLoading />;

  return (
    <DesignerTextContext.Provider value={text}>
      <DesignerActionsContext.Provider value={actions}>
        <DesignerContext.Provider value={state}>
          <div className={styles.designer} data-testid="designer">
            <DesignerToolbar
              canUndo={history.past.length > 0}
              canRedo={history.future.length > 0}
              onUndo={undo}
              onRedo={redo}
              save={save}
              onReload={reload}
              onSettings={openSettings}
              onPreview={openPreview}
              onPublish={openPublish}
              view={view}
              onView={setView}
              others={presence.others}
            />
            {presence.changed ? (
              <FormChangedBanner changed={presence.changed} onDismiss={presence.dismiss} />
            ) : null}
            {view === "flow" ? (
              <Suspense fallback={<PageLoading />}>
                <FlowDesigner />
              </Suspense>
            ) : (
              <DesignerDnd>{panes}</DesignerDnd>
            )}
            {/* Mounted only while open: closed, they still read the definition and re-rendered on
                every keystroke in the property panel. */}
            {panel === "settings" ? <FormSettingsDrawer open onClose={() => setPanel(undefined)} /> : null}
            {panel === "preview" ? <PreviewModal open onClose={() => setPanel(undefined)} /> : null}
            {panel === "publish" ? (
              <PublishModal
                open
                onClose={() => setPanel(undefined)}
                appId={appId}
                formId={formId}
                publishedVersion={
                  app.data?.forms.find((f) => f.id === formId)?.publishedVersion ?? form.data.publishedVersion
                }
                save={save}
                onShowFlow={() => setView("flow")}
              />
            ) : null}
          </div>
        </DesignerContext.Provider>
      </DesignerActionsContext.Provider>
    </DesignerTextContext.Provider>
  );
}
