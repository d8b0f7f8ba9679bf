"use client";

import type { RefObject } from "react";
import { OpenIncidentButton } from "@/components/incidents/open-incident-button";
import type { GraphCanvasHandle } from "@/components/graph/graph-canvas-lazy";
import { radiusToCsv } from "@/lib/graph-view/radius-csv";
import { radiusApiParams, type TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import { fetchApi } from "@/lib/queries/fetch-api";
import { ZRadiusResult, type TRadiusResult } from "@/lib/schemas/radius";
import { downloadBlob, fileSlug } from "./download";

/** PNG, JSON, CSV, permalink and "open an incident" for the radius on screen. */
export function RadiusExportToolbar({
  result,
  view,
  canvas,
  canOpenIncident,
  onNotice,
}: {
  result: TRadiusResult;
  view: TRadiusViewState;
  canvas: RefObject<GraphCanvasHandle | null>;
  canOpenIncident: boolean;
  onNotice: (notice: string) => void;
}) {
  const slug = fileSlug(result.source.description);
  // Exports are of the complete answer, not of the pages loaded so far.
  const complete = async (): Promise<TRadiusResult | null> => {
    if (!result.page?.truncated && result.rotationPlan.length === (result.page?.rotationPlanTotal ?? result.rotationPlan.length)) return result;
    try {
      return await fetchApi(`/api/blast-radius?${radiusApiParams(view).toString()}`, ZRadiusResult);
    } catch (error) {
      onNotice(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  const exportJson = async () => {
    const answer = await complete();
    if (answer) downloadBlob(new Blob([`${JSON.stringify(answer, null, 2)}\n`], { type: "application/json" }), `blast-radius-${slug}.json`);
  };
  const exportCsv = async () => {
    const answer = await complete();
    if (answer) downloadBlob(new Blob([radiusToCsv(answer)], { type: "text/csv" }), `blast-radius-${slug}.csv`);
  };
  const exportPng = async () => {
    if (!canvas.current) return;
    try {
      downloadBlob(await canvas.current.exportPng(), `blast-radius-${slug}.png`);
    } catch (error) {
      onNotice(`PNG export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const copyPermalink = async () => {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      onNotice("Permalink copied to the clipboard.");
    } catch {
      onNotice(`Copy this permalink: ${url}`);
    }
  };
  return (
    <div className="radius-export" role="group" aria-label="Export">
      <button
        type="button"
        className="button"
        onClick={exportPng}
        disabled={view.display !== "picture"}
        title={view.display !== "picture" ? "Switch to the picture to export a PNG" : undefined}
      >
        PNG
      </button>
      <button type="button" className="button" onClick={exportJson} data-testid="export-json">
        JSON
      </button>
      <button type="button" className="button" onClick={exportCsv} data-testid="export-csv">
        CSV
      </button>
      <button type="button" className="button" onClick={copyPermalink} data-testid="copy-permalink">
        Copy permalink
      </button>
      {canOpenIncident ? <OpenIncidentButton refs={view.refs} advisories={view.advisory ? [view.advisory] : []} /> : null}
    </div>
  );
}
