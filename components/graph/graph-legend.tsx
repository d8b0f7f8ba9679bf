import type { TExposure, TNodeKind } from "@/lib/schemas/graph-facts";
import "./graph.css";
import { NODE_KIND_REGISTRY, type TNodeShape } from "@/lib/labels/kinds";
import { COMPROMISED_COLOUR, EXPOSURE_VISUALS, GLYPH_COMPROMISED, NEXT_RESOLVE_FILL_OPACITY } from "./graph-style";

// The legend for graph-style.ts: node kinds (shape, colour, glyph: lib/labels/kinds.ts), exposure levels (colour,
// width, dash — noting that the WebGL renderer draws every line solid) and the compromised mark.
// Props: `kinds` limits the node kinds listed (default all); `webgl` says dashes are not drawn;
// `timing` adds the hollow "reached on the next resolve" mark and `summaries` the summary node,
// the merged edge and the label's second line (the blast-radius picture).

const SHAPE_CLIP: Partial<Record<TNodeShape, string>> = {
  diamond: "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)",
  hexagon: "polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)",
  pentagon: "polygon(50% 0, 100% 38%, 82% 100%, 18% 100%, 0 38%)",
  triangle: "polygon(50% 0, 100% 100%, 0 100%)",
  tag: "polygon(0 0, 75% 0, 100% 50%, 75% 100%, 0 100%)",
  star: "polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%)",
};

export function GraphLegend({
  kinds,
  webgl = false,
  timing = false,
  summaries = false,
}: {
  kinds?: readonly TNodeKind[];
  webgl?: boolean;
  timing?: boolean;
  summaries?: boolean;
}) {
  const shown = kinds ?? (Object.keys(NODE_KIND_REGISTRY) as TNodeKind[]);
  return (
    <section className="graph-legend" aria-label="Legend">
      <h3>Nodes</h3>
      <ul>
        {shown.map((kind) => {
          const visual = NODE_KIND_REGISTRY[kind];
          return (
            <li key={kind} data-kind={kind}>
              <span
                className="legend-swatch"
                aria-hidden="true"
                style={{
                  background: visual.colour,
                  borderRadius: visual.shape === "ellipse" ? "50%" : visual.shape === "round-rectangle" || visual.shape === "barrel" ? "4px" : 0,
                  clipPath: SHAPE_CLIP[visual.shape],
                }}
              />
              <span aria-hidden="true">{visual.glyph}</span> {visual.label}
            </li>
          );
        })}
        <li>
          <span
            className="legend-swatch"
            aria-hidden="true"
            style={{ background: "#555", borderRadius: "50%", boxShadow: `0 0 0 3px ${COMPROMISED_COLOUR}, 0 0 8px 5px ${COMPROMISED_COLOUR}` }}
          />
          <span aria-hidden="true">{GLYPH_COMPROMISED}</span> Compromised / assumed compromised
        </li>
        <li>
          <span className="legend-swatch" aria-hidden="true" style={{ background: "#555", borderRadius: "50%", border: "2px dashed #93a1b3" }} />
          +N: neighbours not drawn yet (double-click to expand)
        </li>
        {timing ? (
          <li data-testid="legend-next-resolve">
            <span
              className="legend-swatch"
              aria-hidden="true"
              style={{
                background: `color-mix(in srgb, #7cc4ff ${Math.round(NEXT_RESOLVE_FILL_OPACITY * 100)}%, transparent)`,
                border: `3px ${webgl ? "solid" : "dashed"} #7cc4ff`,
                boxSizing: "border-box",
              }}
            />
            <span>
              Hollow, <em>italic</em>: reached only on the next resolve — a range admits the bad version but the lockfile pins a clean one, so the next npm
              install, update or Renovate bump picks it up
            </span>
          </li>
        ) : null}
        {summaries ? (
          <>
            <li data-testid="legend-summary">
              <span
                className="legend-swatch"
                aria-hidden="true"
                style={{ background: "#555", borderRadius: "50%", border: "4px double #e6edf3", boxSizing: "border-box" }}
              />
              <span>
                <strong>26 secrets</strong>: the rest of a long column, counted by exposure and timing — click to expand
              </span>
            </li>
            <li data-testid="legend-detail">
              <span className="legend-swatch" aria-hidden="true" />
              <span>
                Under each name: how it is reached (<em>install</em>, <em>job</em>, <em>runner</em>, <em>runtime</em>) and when (<em>now</em> or{" "}
                <em>next resolve</em>)
              </span>
            </li>
          </>
        ) : null}
      </ul>
      <h3>Exposure (edges)</h3>
      <ul>
        {(Object.keys(EXPOSURE_VISUALS) as (TExposure | "none")[]).map((exposure) => {
          const visual = EXPOSURE_VISUALS[exposure];
          return (
            <li key={exposure} data-exposure={exposure}>
              <span
                className="legend-line"
                aria-hidden="true"
                style={{ borderTop: `${visual.width}px ${webgl ? "solid" : visual.lineStyle} ${visual.colour}` }}
              />
              <strong>{visual.label}</strong> <span className="muted">— {visual.description}</span>
            </li>
          );
        })}
        {summaries ? (
          <li data-testid="legend-merged">
            <span className="legend-line" aria-hidden="true" style={{ borderTop: "2px solid #8fb3d9" }} />
            <strong>×26</strong> <span className="muted">— 26 edges into a summary, drawn as one</span>
          </li>
        ) : null}
      </ul>
      {webgl ? <p className="muted legend-note">WebGL view: lines are drawn solid; colour and width show exposure.</p> : null}
    </section>
  );
}
