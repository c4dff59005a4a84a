import { isApiError } from "@formwork/client";
import type { FieldServices } from "@formwork/fields/react";
import type { FieldPermission, FormDefinition, Locale } from "@formwork/schema";
import { Button, Col, Row } from "antd";
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { clearDraft, type DraftStorage, loadDraft, saveDraft } from "./draft-store";
import { errorsByField, type PathMessage } from "./error-map";
import { FieldBlock, type FieldBlockProps } from "./FieldBlock";
import { spanOf } from "./layout";
import { relatedFilter } from "./related-filter";
import styles from "./renderer.module.css";
import { submittedValues } from "./submit-data";
import { text } from "./texts";
import { usePrepared } from "./use-prepared";

// Shown once per submission, so its code (antd Result and its icons) loads only then.
const SuccessView = lazy(() => import("./SuccessView").then((m) => ({ default: m.SuccessView })));

export type RendererMode = "fill" | "view" | "edit";

/** What onSubmit resolves with: the saved record's data (serial numbers included). */
export interface SubmitOutcome {
  data: Record<string, unknown>;
}

export interface FormRendererProps {
  form: FormDefinition;
  /** The record's values (view and edit); fill starts from the draft and `prefill`. */
  value?: Record<string, unknown>;
  mode: RendererMode;
  onSubmit?(data: Record<string, unknown>): Promise<SubmitOutcome>;
  /** Per field: hidden, view (read-only) or edit; fields not named are editable. */
  fieldPermissions?: Record<string, FieldPermission>;
  locale: Locale;
  services: FieldServices;
  /** Values from the address bar (see prefillFromQuery); they win over a saved draft. */
  prefill?: Record<string, unknown>;
  /** Where a fill's draft is kept; no storage, no drafts. */
  draftStorage?: DraftStorage;
  user?: { id: string; deptId?: string };
  /** The record shown (view and edit): what related queries' `$record.id` is. */
  recordId?: string;
}

function initialValues(props: FormRendererProps): Record<string, unknown> {
  if (props.mode !== "fill") return { ...props.value };
  return { ...loadDraft(props.draftStorage, props.form.key), ...props.value, ...props.prefill };
}

/**
 * A field in its grid cell, memoised whole: a keystroke re-renders the cell it changed, not the 200 antd
 * columns of a long form (issue 4's keystroke budget).
 */
const FieldCell = memo(function FieldCell({ span, ...block }: FieldBlockProps & { span: number }) {
  return (
    <Col xs={24} md={span}>
      <FieldBlock {...block} />
    </Col>
  );
});

/** The form's buttons, memoised: their props are the same from one keystroke to the next. */
const ActionButton = memo(Button);

/**
 * Renders any published form on the 12-column grid, running the submission pipeline on every change
 * for live formulas, display rules and inline errors, and mapping a server 422's details the same way.
 */
export function FormRenderer(props: FormRendererProps) {
  const { form, mode, locale, services, fieldPermissions, onSubmit, draftStorage, user, recordId } = props;
  const [values, setValues] = useState(() => initialValues(props));
  const [touched, setTouched] = useState<ReadonlySet<string>>(
    () => new Set(Object.keys(props.prefill ?? {})),
  );
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<PathMessage[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [saved, setSaved] = useState<SubmitOutcome | null>(null);
  const [now] = useState(() => new Date());
  const rootRef = useRef<HTMLFormElement>(null);

  const prepared = usePrepared(form, values, mode === "edit" ? "update" : "create", now, locale, user);

  const shownErrors = useMemo(() => {
    const live = attempted
      ? prepared.errors
      : prepared.errors.filter((e) => touched.has(e.path.split("/")[1] ?? ""));
    return errorsByField([...serverErrors, ...live]);
  }, [attempted, prepared.errors, touched, serverErrors]);

  useEffect(() => {
    if (mode !== "fill" || !draftStorage || saved) return;
    const timer = setTimeout(() => saveDraft(draftStorage, form.key, values), 400);
    return () => clearTimeout(timer);
  }, [mode, draftStorage, form.key, values, saved]);

  const onChange = useCallback((id: string, value: unknown) => {
    setValues((all) => ({ ...all, [id]: value }));
    setTouched((all) => (all.has(id) ? all : new Set([...all, id])));
    setServerErrors((all) => (all.length === 0 ? all : all.filter((e) => e.path.split("/")[1] !== id)));
  }, []);
  const onFill = useCallback((filled: Record<string, unknown>) => {
    setValues((all) => ({ ...all, ...filled }));
  }, []);

  const readOnlyForm = mode === "view";
  const submit = async () => {
    setAttempted(true);
    setFailure(null);
    if (!prepared.ready) return;
    if (!prepared.ok || !onSubmit) {
      // Bring the first problem into view: on a phone it is often far above the button.
      requestAnimationFrame(() =>
        rootRef.current?.querySelector('[role="alert"]')?.scrollIntoView({ block: "center" }),
      );
      return;
    }
    setSubmitting(true);
    try {
      const outcome = await onSubmit(submittedValues(form, values));
      setServerErrors([]);
      if (mode === "fill") {
        clearDraft(draftStorage, form.key);
        setSaved(outcome);
      }
    } catch (error) {
      if (isApiError(error) && error.details.length > 0) setServerErrors([...error.details]);
      else setFailure(isApiError(error) ? error.message : text(locale, "failed"));
    } finally {
      setSubmitting(false);
    }
  };

  const startOver = useCallback(() => {
    clearDraft(draftStorage, form.key);
    setValues({});
    setTouched(new Set());
    setAttempted(false);
    setServerErrors([]);
    setFailure(null);
    setSaved(null);
  }, [draftStorage, form.key]);

  if (saved)
    return (
      <Suspense fallback={null}>
        <SuccessView form={form} record={saved} locale={locale} onAnother={startOver} />
      </Suspense>
    );

  const formMessages = shownErrors.form;
  return (
    <form
      ref={rootRef}
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Row gutter={[16, 20]}>
        {form.fields.map((field) => {
          const permission = fieldPermissions?.[field.id] ?? "edit";
          if (permission === "hidden" || prepared.hidden.has(field.id)) return null;
          const computed = field.formula !== undefined;
          const raw = values[field.id];
          const value = computed
            ? prepared.data[field.id]
            : raw === undefined
              ? prepared.data[field.id]
              : raw;
          const hiddenColumns =
            field.type === "subform"
              ? new Set(
                  field.fields.filter((c) => prepared.hidden.has(`${field.id}.${c.id}`)).map((c) => c.id),
                )
              : undefined;
          return (
            <FieldCell
              key={field.id}
              span={spanOf(field.width)}
              field={field}
              value={value ?? null}
              prepared={prepared.data[field.id]}
              onChange={onChange}
              onFill={onFill}
              readOnly={readOnlyForm || computed || field.readonly === true || permission === "view"}
              locale={locale}
              services={services}
              messages={shownErrors.fields.get(field.id)}
              hiddenColumns={hiddenColumns}
              {...(field.type === "lookup"
                ? {
                    related: relatedFilter(
                      field.filter,
                      prepared.data,
                      mode === "fill" ? undefined : recordId,
                    ),
                  }
                : {})}
            />
          );
        })}
      </Row>
      {(formMessages.length > 0 || failure) && (
        <div className={styles.formError} role="alert">
          {failure ?? formMessages.join(locale === "en" ? "; " : "；")}
        </div>
      )}
      {!readOnlyForm && (
        <div className={styles.actions}>
          <ActionButton type="primary" htmlType="submit" size="large" loading={submitting || !prepared.ready}>
            {text(locale, mode === "edit" ? "save" : "submit")}
          </ActionButton>
          {mode === "fill" && (
            <>
              <ActionButton size="large" onClick={startOver}>
                {text(locale, "discardDraft")}
              </ActionButton>
              {draftStorage && Object.keys(values).length > 0 && (
                <span className={styles.hint}>{text(locale, "draftSaved")}</span>
              )}
            </>
          )}
          {attempted && !prepared.ok && <span className={styles.error}>{text(locale, "fixErrors")}</span>}
        </div>
      )}
    </form>
  );
}
