// The layout extensions ship without type declarations; both are plain Cytoscape extensions.
declare module "cytoscape-fcose" {
  const extension: import("cytoscape").Ext;
  export default extension;
}
declare module "cytoscape-elk" {
  const extension: import("cytoscape").Ext;
  export default extension;
}
