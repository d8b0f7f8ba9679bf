import { radiusFigures } from "@/lib/incidents/render-incident-markdown";
import type { TRadiusResult } from "@/lib/schemas/radius";
import styles from "./incidents.module.css";
import { TableScroll } from "@/components/ui/table-scroll";

/** The radius at opening beside the residual (today's graph without what was rotated). */
export function RadiusFigures({ original, residual }: { original: TRadiusResult["summary"]; residual: TRadiusResult["summary"] | null }) {
  return (
    <TableScroll label="Radius figures">
      <table className="table" aria-label="Radius figures">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">At opening</th>
            <th scope="col">Residual (excluding rotated)</th>
          </tr>
        </thead>
        <tbody>
          {radiusFigures(original, residual).map((figure) => (
            <tr key={figure.label} data-figure={figure.label}>
              <th scope="row">{figure.label}</th>
              <td data-testid={`original-${figure.label}`}>{figure.original}</td>
              <td
                data-testid={`residual-${figure.label}`}
                className={figure.residual !== null && figure.residual < figure.original ? styles.figureDown : undefined}
              >
                {figure.residual ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
