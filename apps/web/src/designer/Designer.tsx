// The context itself, not the package's IconProvider: importing that from the icons' index made the
// bundler split the icons shared with the fill page into more chunks (+6 KB on its first download).
import IconContext from "@ant-design/icons/es/components/Context";
import type { Session } from "@formwork/client";
import type { FieldType } from "@formwork/schema";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useContext, useEffect, useMemo, useState } from "react";
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
import { DesignerStoreContext } from "./state/designer-context";
import { createDesignerStore, type DesignerSnapshot, useStoreSelector } from "./state/designer-store";
import { DesignerTextContext } from "./state/designer-text";
import { allFieldIds } from "./state/field-tree";
import { createField } from "./state/new-field";
import { useHistoryKeys } from "./use-history-keys";

// The flow designer (React Flow, dagre) is its own chunk, loaded when the Flow switch is first used.
const FlowDesigner = lazy(() => import("../flows/FlowDesigner"));

// The panes' icons (two on each of 200 canvas cards) skip @ant-design/icons' own style insertion: each
// icon's mount effect scanned every <style> of the page for it (a sixth of a 200-field mount), while
// antd's ConfigProvider already inserts the same .anticon styles once.

const presentOf = (state: DesignerSnapshot) => state.history.present;
const canUndoOf = (state: DesignerSnapshot) => state.history.past.length > 0;
const canRedoOf = (state: DesignerSnapshot) => state.history.future.length > 0;
const selectionKeyOf = ({ selection }: DesignerSnapshot) =>
  selection ? `${selection.parent ?? ""}/${selection.id}` : "none";

/** The form designer: palette, canvas and property panel over one undoable definition, autosaved. */
export default function Designer({ appId, formId }: { appId: string; formId: string }) {
  const form = useQuery({
    queryKey: queryKeys.form(formId),
    queryFn: () => api.forms.get(formId),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // The definition and selection live in a store the panes subscribe to by selector; the designer
  // itself reads only what its toolbar, autosave and pane keys need.
  const [store] = useState(() => createDesignerStore({ key: "", name: "", fields: [] }));
  const present = useStoreSelector(store, presentOf);
  const canUndo = useStoreSelector(store, canUndoOf);
  const canRedo = useStoreSelector(store, canRedoOf);
  const selectionKey = useStoreSelector(store, selectionKeyOf);
  // The app's form summaries carry the published version and are refreshed by a publish.
  const app = useApp(appId);
  const [loadedAt, setLoadedAt] = useState<string>();
  const [panel, setPanel] = useState<"settings" | "preview" | "publish">();
  const [view, setView] = useState<"form" | "flow">("form");
  const { t, i18n } = useTranslation();
  const text = useMemo(() => ({ t, language: i18n.language }), [t, i18n.language]);
  const antdIcons = useContext(IconContext);
  const icons = useMemo(() => ({ ...antdIcons, zeroRuntime: true }), [antdIcons]);

  useEffect(() => {
    if (form.data && form.data.updatedAt !== loadedAt && loadedAt === undefined) {
      store.dispatch({ type: "load", definition: form.data.definition });
      setLoadedAt(form.data.updatedAt);
    }
  }, [form.data, loadedAt, store]);

  const ready = loadedAt !== undefined;
  // Who else designs this form right now, and whether another user saved or published since it opened.
  // The session is loaded before any page renders (RequireSession); read from the cache rather than
  // through useCurrentUser, whose module would then become a chunk of its own on every page's first load.
  const me = useQueryClient().getQueryData<Session>(queryKeys.session)?.user.id ?? "";
  const presence = useDesignerPresence(formId, me);
  const save = useAutosave(formId, form.data, ready ? present : undefined);
  const undo = useCallback(() => store.dispatch({ type: "undo" }), [store]);
  const redo = useCallback(() => store.dispatch({ type: "redo" }), [store]);
  useHistoryKeys(undo, redo);

  const append = useCallback(
    (type: FieldType) => {
      const field = createField(type, allFieldIds(store.definition()));
      store.dispatch({ type: "add", field });
      store.select({ id: field.id });
    },
    [store],
  );

  // Stable handlers: the toolbar is memoised and must not re-render with every keystroke.
  const openSettings = useCallback(() => setPanel("settings"), []);
  const openPreview = useCallback(() => setPanel("preview"), []);
  const openPublish = useCallback(() => setPanel("publish"), []);
  const reload = useCallback(() => window.location.reload(), []);
  // The panes as one element that changes only with the selection: the drag layer around them
  // (DndContext and its auto-scroller) then skips the designer's re-render on every edit; the canvas
  // and the property panel follow the definition through the store.
  const panes = useMemo(
    () => (
      <IconContext.Provider value={icons}>
        <div className={styles.panes}>
          <Palette onAdd={append} />
          <Canvas />
          <PropertyPanel key={selectionKey} />
        </div>
      </IconContext.Provider>
    ),
    [append, selectionKey, icons],
  );

  if (form.isError) return <ErrorState error={form.error} onRetry={() => form.refetch()} />;
  if (!ready || !form.data) return <PageLoading />;

  return (
    <DesignerTextContext.Provider value={text}>
      <DesignerStoreContext.Provider value={store}>
        <div className={styles.designer} data-testid="designer">
          <DesignerToolbar
            canUndo={canUndo}
            canRedo={canRedo}
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
      </DesignerStoreContext.Provider>
    </DesignerTextContext.Provider>
  );
}
