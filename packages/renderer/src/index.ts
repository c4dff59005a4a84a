// @formwork/renderer: the React runtime that renders any published form, the data grid and the record
// detail (issue 4). It sits above @formwork/fields and @formwork/client in the layer order and is used
// by apps/web. Exports are added here as the components land.
export {};
