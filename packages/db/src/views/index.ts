export {
  buildRequestedIndexes,
  formsWithOpenIndexes,
  type IndexState,
  indexStates,
  MAX_BUILD_ATTEMPTS,
  MAX_VIEW_INDEXES,
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
  type ViewColumn,
  type ViewContent,
  type ViewSort,
  viewIndexLists,
} from "./repository";
