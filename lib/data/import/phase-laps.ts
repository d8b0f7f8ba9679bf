// Where an import's time goes, for the import benchmark (bench/import.bench.ts): each phase calls
// lap(name) when it ends and the time since the previous lap is added to that phase. Without a
// recorder a lap costs one clock read.

/** Receives milliseconds spent in a phase; called once per lap. */
export type PhaseRecorder = (phase: string, milliseconds: number) => void;

export type Lap = (phase: string) => void;

export function phaseLaps(record: PhaseRecorder | undefined): Lap {
  if (!record) return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    record(phase, now - last);
    last = now;
  };
}
