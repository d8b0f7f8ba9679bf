import type { TFrameworkId } from "@/lib/schemas/findings";

/** A framework as published: exact ids and titles, and where they were checked. */
export interface FrameworkCatalog {
  id: TFrameworkId;
  name: string;
  version: string;
  source: {
    publication: string;
    url: string;
    /** what of the framework Blastmap assesses and how its text is quoted, for the auditor reading the evidence */
    scope: string;
  };
  controls: FrameworkControl[];
}

export interface FrameworkControl {
  id: string;
  /** the published title or outcome statement, verbatim */
  title: string;
  /** function/category the control sits in */
  group: string;
  /** e.g. where a control came from in an earlier version */
  note?: string;
}
