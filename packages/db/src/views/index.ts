export {
  buildRequestedIndexes,
  dropReleasedIndexes,
  formsWithOpenIndexes,
  type IndexState,
  indexStates,
  MAX_BUILD_ATTEMPTS,
  MAX_VIEW_INDEXES,
  releaseUnwantedIndexes,
  requestIndexes,
  viewIndexName,
} from "./form-indexes";
export { planViewIndexes } from "./index-plan";
export {
  deleteView,
  findView,
  insertView,
  listViews,
  updateView,
  type ViewChangeResult,
  type ViewColumn,
  type ViewContent,
  type ViewSort,
  viewIndexLists,
} from "./repository";
