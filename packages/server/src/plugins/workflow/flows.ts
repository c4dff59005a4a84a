// Flow versions as the engine takes them (definition + the form fields it was frozen with), cached by
// id: a version never changes, so it is read once per process. Which version a new submission starts
// is cached per published form version for the same reason: flow versions are only made by a publish,
// which also makes a new form version.
import { getFlowVersion, type PublishedForm } from "@formwork/db";
import type { EngineFlow } from "@formwork/engine";
import type { FieldDefinition, FlowDefinition } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";

export interface LoadedFlow {
  /** The flow_versions row id the instance is pinned to. */
  id: string;
  formId: string;
  /** The form's record table (fixed at its first publish, which came before any flow version). */
  recordTable: string;
  engine: EngineFlow;
  /**
   * Whether stepping this flow can read the record's fields: a branch condition, a member/department
   * field assignee, a date-field deadline. When not, a command without field edits needs no live read.
   */
  readsRecord: boolean;
}

/** Conservative: any `field` key in a node's settings (assignees, deadlines, escalations) or any condition. */
export function flowReadsRecord(definition: FlowDefinition): boolean {
  if (definition.edges.some((edge) => edge.when !== undefined)) return true;
  const mentionsField = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(mentionsField);
    if (value === null || typeof value !== "object") return false;
    return Object.entries(value).some(([key, v]) => key === "field" || mentionsField(v));
  };
  return definition.nodes.some((node) => node.type === "branch" || mentionsField(node));
}

const MAX_CACHED = 1000;

export class FlowVersions {
  private readonly byId = new Map<string, LoadedFlow>();
  private readonly forForm = new Map<string, LoadedFlow | null>();

  /** The flow version an instance is pinned to. */
  async get(db: Db, id: string): Promise<LoadedFlow> {
    const cached = this.byId.get(id);
    if (cached) return cached;
    const version = await getFlowVersion(db, id);
    if (!version) throw new Error(`flow version ${id} is missing`);
    const form = await db
      .selectFrom("form_versions")
      .innerJoin("forms", "forms.id", "form_versions.form_id")
      .select(["form_versions.definition", "forms.table_name"])
      .where("form_versions.form_id", "=", version.formId)
      .where("form_versions.version", "=", version.formVersion)
      .executeTakeFirstOrThrow();
    const fields = (form.definition as { fields: FieldDefinition[] }).fields;
    const definition = version.definition as FlowDefinition;
    return this.remember({
      id,
      formId: version.formId,
      recordTable: form.table_name ?? "",
      engine: { version: version.version, definition, fields },
      readsRecord: flowReadsRecord(definition),
    });
  }

  /** The flow a submission of this published form version starts, or null when the form has none. */
  async current(db: Db, form: PublishedForm): Promise<LoadedFlow | null> {
    if (!form.definition.flow) return null;
    const key = `${form.id}@${form.version}`;
    if (this.forForm.has(key)) return this.forForm.get(key) ?? null;
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM flow_versions WHERE form_id = ${form.id}::uuid AND form_version <= ${form.version}
      ORDER BY version DESC LIMIT 1`.execute(db);
    const loaded = rows[0] ? await this.get(db, rows[0].id) : null;
    if (this.forForm.size >= MAX_CACHED) this.forForm.delete(this.forForm.keys().next().value as string);
    this.forForm.set(key, loaded);
    return loaded;
  }

  private remember(flow: LoadedFlow): LoadedFlow {
    if (this.byId.size >= MAX_CACHED) this.byId.delete(this.byId.keys().next().value as string);
    this.byId.set(flow.id, flow);
    return flow;
  }
}
