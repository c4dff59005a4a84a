// A dashboard: its filter bar and its widget grid. Members view it; administrators switch to edit mode
// to drag and resize widgets (react-grid-layout), add and edit them, add filter controls, rename and
// save (If-Match: a save over someone else's is refused, not lost). On a phone the widgets stack.
import { DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import type { Dashboard } from "@formwork/client";
import type { DashboardDefinition, Widget } from "@formwork/schema";
import { WIDGET_SHAPES } from "@formwork/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Empty, Grid, Input, Space } from "antd";
import { useState } from "react";
import { GridLayout, type Layout, useContainerWidth } from "react-grid-layout";
import "react-grid-layout/css/styles.css";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { queryKeys } from "../api/query-keys";
import { useApp } from "../api/use-apps";
import { useCurrentUser } from "../api/use-session";
import { ErrorState } from "../common/ErrorState";
import { errorMessage } from "../common/error-message";
import { localize } from "../common/localized-text";
import { PageLoading } from "../common/PageLoading";
import { useDocumentTitle } from "../common/use-document-title";
import { dashboardsApi } from "./api";
import { DrillDrawer } from "./DrillDrawer";
import styles from "./dashboards.module.css";
import { FilterBar, newControl } from "./FilterBar";
import type { ControlValues, CrossFilter } from "./model/query";
import { useDashboardForms } from "./use-dashboard-forms";
import { WidgetEditor } from "./WidgetEditor";
import { WidgetCard } from "./widgets/WidgetCard";

const HEIGHTS: Record<Widget["kind"], number> = {
  kpi: 3,
  bar: 7,
  line: 7,
  pie: 7,
  funnel: 7,
  pivot: 7,
  ranking: 7,
  table: 7,
  text: 3,
};

export function DashboardPage() {
  const { appId = "", dashboardId = "" } = useParams();
  const query = useQuery({
    queryKey: ["dashboards", appId, dashboardId],
    queryFn: () => dashboardsApi.get(appId, dashboardId),
  });
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <DashboardView key={query.data.id} stored={query.data} />;
}

function DashboardView({ stored }: { stored: Dashboard }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const app = useApp(stored.appId);
  const { forms, list } = useDashboardForms(app.data);
  const [version, setVersion] = useState(stored.version);
  const [definition, setDefinition] = useState<DashboardDefinition>(stored.definition);
  const [editing, setEditing] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [controls, setControls] = useState<ControlValues>({});
  const [cross, setCross] = useState<CrossFilter | undefined>();
  const [editor, setEditor] = useState<{ widget: Widget; isNew: boolean } | undefined>();
  const [drill, setDrill] = useState<{ widget: Widget; filter: unknown } | undefined>();
  const screens = Grid.useBreakpoint();
  const phone = !(screens.md ?? true);
  const { width, containerRef, mounted } = useContainerWidth();
  useDocumentTitle(definition.title);

  const change = (next: DashboardDefinition) => {
    setDefinition(next);
    setDirty(true);
  };
  const save = useMutation({
    mutationFn: () => dashboardsApi.save(stored.appId, stored.id, definition, version),
    onSuccess: (saved) => {
      setVersion(saved.version);
      setDirty(false);
      setEditing(false);
      client.setQueryData(["dashboards", stored.appId, stored.id], saved);
      void client.invalidateQueries({ queryKey: queryKeys.app(stored.appId), exact: true });
      void message.success(t("dashboards.saved"));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const remove = useMutation({
    mutationFn: () => dashboardsApi.remove(stored.appId, stored.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.app(stored.appId), exact: true });
      navigate(`/apps/${stored.appId}`);
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  const layout: Layout = definition.widgets.map((w) => ({ i: w.id, ...w.layout, minW: 2, minH: 2 }));
  const onLayout = (next: Layout) => {
    const moved = definition.widgets.map((w) => {
      const item = next.find((l) => l.i === w.id);
      return item ? { ...w, layout: { x: item.x, y: item.y, w: item.w, h: item.h } } : w;
    });
    if (
      JSON.stringify(moved.map((w) => w.layout)) !== JSON.stringify(definition.widgets.map((w) => w.layout))
    ) {
      change({ ...definition, widgets: moved });
    }
  };
  const addWidget = () => {
    const taken = new Set(definition.widgets.map((w) => w.id));
    let n = definition.widgets.length + 1;
    while (taken.has(`w${n}`)) n++;
    const bottom = Math.max(0, ...definition.widgets.map((w) => w.layout.y + w.layout.h));
    const first = list[0]?.[0];
    setEditor({
      isNew: true,
      widget: {
        id: `w${n}`,
        kind: "bar",
        layout: { x: 0, y: bottom, w: 6, h: HEIGHTS.bar },
        ...(first ? { form: first } : {}),
        measures: [{ op: "count" }],
      },
    });
  };
  const saveWidget = (widget: Widget) => {
    const sized = {
      ...widget,
      layout: { ...widget.layout, h: editor?.isNew ? HEIGHTS[widget.kind] : widget.layout.h },
    };
    const shape = WIDGET_SHAPES[sized.kind];
    if (shape.measures[1] === 0) delete sized.measures;
    const exists = definition.widgets.some((w) => w.id === widget.id);
    change({
      ...definition,
      widgets: exists
        ? definition.widgets.map((w) => (w.id === widget.id ? sized : w))
        : [...definition.widgets, sized],
    });
    setEditor(undefined);
  };

  const card = (w: Widget) => (
    <WidgetCard
      dashboard={definition}
      widget={w}
      forms={forms}
      controls={controls}
      cross={cross}
      onCross={(next) =>
        setCross((current) =>
          current?.widgetId === next.widgetId && JSON.stringify(current.value) === JSON.stringify(next.value)
            ? undefined
            : next,
        )
      }
      onDrill={(widget, filter) => setDrill({ widget, filter })}
      editing={editing}
      onEdit={() => setEditor({ widget: w, isNew: false })}
      onRemove={() => change({ ...definition, widgets: definition.widgets.filter((x) => x.id !== w.id) })}
    />
  );
  const sorted = [...definition.widgets].sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x);
  const drillForm = drill?.widget.form ? forms.definition(drill.widget.form) : undefined;
  const drillFormId = drill?.widget.form ? forms.id(drill.widget.form) : undefined;

  return (
    <div className={styles.page} data-testid="dashboard-page">
      <div className={styles.head}>
        {editing ? (
          <Input
            className={styles.titleInput}
            value={definition.title}
            onChange={(e) => change({ ...definition, title: e.target.value })}
            data-testid="dashboard-title-input"
          />
        ) : (
          <h1 className={styles.title} data-testid="dashboard-title">
            {definition.title}
          </h1>
        )}
        {user.isAdmin && (
          <Space wrap>
            {editing ? (
              <>
                <Button icon={<PlusOutlined />} onClick={addWidget} data-testid="add-widget">
                  {t("dashboards.addWidget")}
                </Button>
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("dashboards.delete")}
                  loading={remove.isPending}
                  // Two clicks, the second on a button that says what it does.
                  onClick={() => (confirmingDelete ? remove.mutate() : setConfirmingDelete(true))}
                  onBlur={() => setConfirmingDelete(false)}
                >
                  {confirmingDelete ? t("dashboards.deleteConfirm") : null}
                </Button>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  loading={save.isPending}
                  onClick={() => (dirty ? save.mutate() : setEditing(false))}
                  data-testid="save-dashboard"
                >
                  {dirty ? t("dashboards.save") : t("dashboards.done")}
                </Button>
              </>
            ) : (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-dashboard">
                {t("dashboards.edit")}
              </Button>
            )}
          </Space>
        )}
      </div>
      <FilterBar
        dashboard={definition}
        values={controls}
        onValues={setControls}
        cross={cross}
        onClearCross={() => setCross(undefined)}
        editing={editing}
        onAddControl={(kind) =>
          change({
            ...definition,
            filters: [...(definition.filters ?? []), newControl(definition, kind, forms.definition)],
          })
        }
        onRemoveControl={(id) =>
          change({ ...definition, filters: (definition.filters ?? []).filter((c) => c.id !== id) })
        }
        onChangeControl={(control) =>
          change({
            ...definition,
            filters: (definition.filters ?? []).map((c) => (c.id === control.id ? control : c)),
          })
        }
        formOf={forms.definition}
      />
      {definition.widgets.length === 0 ? (
        <Empty
          className={styles.empty}
          description={user.isAdmin ? t("dashboards.noWidgetsAdmin") : t("dashboards.noWidgets")}
        />
      ) : phone ? (
        <div className={styles.stack}>
          {sorted.map((w) => (
            <div key={w.id} style={{ height: w.kind === "kpi" || w.kind === "text" ? 140 : 320 }}>
              {card(w)}
            </div>
          ))}
        </div>
      ) : (
        <div ref={containerRef}>
          {mounted && (
            <GridLayout
              width={width}
              layout={layout}
              gridConfig={{ cols: 12, rowHeight: 40, margin: [12, 12], containerPadding: [0, 0] }}
              dragConfig={{ enabled: editing, handle: ".widget-drag" }}
              resizeConfig={{ enabled: editing, handles: ["se"] }}
              onLayoutChange={onLayout}
            >
              {definition.widgets.map((w) => (
                <div key={w.id}>{card(w)}</div>
              ))}
            </GridLayout>
          )}
        </div>
      )}
      {editor && (
        <WidgetEditor
          initial={editor.widget}
          forms={list.map(([key, f]) => ({
            key,
            name: localize(f.definition.name, i18n.language) || key,
            definition: f.definition,
          }))}
          formOf={forms.definition}
          onCancel={() => setEditor(undefined)}
          onSave={saveWidget}
        />
      )}
      {drill && drillForm && drillFormId && (
        <DrillDrawer
          appId={stored.appId}
          formId={drillFormId}
          form={drillForm}
          title={drill.widget.title || t(`dashboards.kind.${drill.widget.kind}`)}
          filter={drill.filter}
          onClose={() => setDrill(undefined)}
        />
      )}
    </div>
  );
}
