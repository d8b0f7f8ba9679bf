/** The page of one node of the graph. */
export const nodeHref = (id: number): string => `/nodes/${id}`;
