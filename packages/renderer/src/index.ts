// @formwork/renderer: the React runtime that renders any published form (issue 4), above
// @formwork/fields and @formwork/client in the layer order, used by apps/web.
export { browserStorage, clearDraft, type DraftStorage, loadDraft, saveDraft } from "./draft-store";
export { type ErrorsByField, errorsByField, type PathMessage } from "./error-map";
export { FormRenderer, type FormRendererProps, type RendererMode, type SubmitOutcome } from "./FormRenderer";
export { spanOf, WIDTH_COLUMNS } from "./layout";
export { prefillable, prefillFromQuery } from "./prefill";
export { relatedFilter } from "./related-filter";
export { createFieldServices, recordTitle, type ServiceOptions } from "./services";
export { serialNumbers, submittedValues } from "./submit-data";
