import type { FormDefinition } from "@formwork/schema";

export interface PublishInput {
  formId: string;
  /** The definition being published (already validated by @formwork/schema). */
  definition: FormDefinition;
  /** The currently published definition (null/absent on the first publish); used to word errors. */
  previousDefinition?: FormDefinition | null;
  actorId?: string | null;
  /**
   * Extra btree indexes, each a list of field ids (or system names such as "$createdAt"), e.g. the
   * columns saved views filter and sort on: `[["status", "$createdAt"]]`. Fields marked `indexed`
   * or `unique` get their own index without being listed here. Absent = keep the current version's list
   * (including what `addIndexes` added); an explicit list replaces it (indexes no longer listed are dropped).
   */
  indexes?: readonly (readonly string[])[];
}

export interface PublishResult {
  version: number;
  tableName: string;
}

/** A published form as the records repository needs it: where its rows live and what they hold. */
export interface PublishedForm {
  id: string;
  tableName: string;
  version: number;
  definition: FormDefinition;
  /** Extra indexes the version was published with (see PublishInput.indexes). */
  indexes?: readonly (readonly string[])[];
}
