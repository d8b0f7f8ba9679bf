import { describe, expect, it } from "vitest";
import { ANALYZE_MIN_ROWS, needsAnalyze, type TableStatistics } from "./needs-analyze";

const analysed = (rowsAtAnalyze: number, changedRows: number): TableStatistics => ({ table: "Node", analysed: true, rowsAtAnalyze, changedRows });
const neverAnalysed = (rows: number, changedRows = rows): TableStatistics => ({ table: "Node", analysed: false, rowsAtAnalyze: -1, changedRows, rows });

describe("needsAnalyze", () => {
  it("a never-analysed table is analysed once it holds the minimum rows, whatever its counters say", () => {
    expect(needsAnalyze(neverAnalysed(ANALYZE_MIN_ROWS - 1))).toBe(false);
    expect(needsAnalyze(neverAnalysed(ANALYZE_MIN_ROWS))).toBe(true);
    // counters reset, or not yet reported (PostgreSQL 14)
    expect(needsAnalyze(neverAnalysed(ANALYZE_MIN_ROWS, 0))).toBe(true);
  });

  it("an index build's row estimate does not count as statistics", () => {
    expect(needsAnalyze({ table: "Node", analysed: false, rowsAtAnalyze: 50_000, changedRows: 0, rows: ANALYZE_MIN_ROWS })).toBe(true);
  });

  it("an analysed table is analysed again when a fifth of its rows changed", () => {
    expect(needsAnalyze(analysed(100_000, 19_999))).toBe(false);
    expect(needsAnalyze(analysed(100_000, 20_000))).toBe(true);
  });

  it("fewer changed rows than the minimum never re-analyse a small table", () => {
    expect(needsAnalyze(analysed(10, ANALYZE_MIN_ROWS - 1))).toBe(false);
    expect(needsAnalyze(analysed(10, ANALYZE_MIN_ROWS))).toBe(true);
    expect(needsAnalyze(analysed(0, ANALYZE_MIN_ROWS))).toBe(true);
  });
});
