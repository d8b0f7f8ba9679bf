"use client";

import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { MAX_EFFECT_CONTROLS, ZWhatIfEffects, type TWhatIfEffect } from "@/lib/schemas/what-if-effects";
import { fetchApi } from "./fetch-api";
import { whatIfEffectsKeys } from "./keys";

/**
 * Splits controls into request batches on fixed boundaries — the first `first`, then `step` at a
 * time — so a list that grows by "show more" keeps its earlier batches (and their cached answers).
 */
export function effectBatches<T>(controls: readonly T[], first: number, step = MAX_EFFECT_CONTROLS): T[][] {
  const batches: T[][] = [];
  const head = Math.min(first, MAX_EFFECT_CONTROLS);
  if (controls.length) batches.push(controls.slice(0, head));
  for (let at = head; at < controls.length; at += Math.min(step, MAX_EFFECT_CONTROLS))
    batches.push(controls.slice(at, at + Math.min(step, MAX_EFFECT_CONTROLS)));
  return batches;
}

/**
 * What each control would change in the radius (GET /api/blast-radius/what-if-effects), for the
 * controls on screen. `question` is the radius' API query with its applied controls (null = idle);
 * the graph version the radius was computed on keys the cache, so an import measures again.
 */
export function useWhatIfEffects(question: string | null, graphVersion: number, controls: readonly string[], first: number) {
  const batches = useMemo(() => effectBatches(controls, first), [controls, first]);
  const results = useQueries({
    queries: batches.map((batch) => ({
      queryKey: whatIfEffectsKeys.batch(graphVersion, question ?? "", batch),
      queryFn: ({ signal }: { signal: AbortSignal }) => {
        const params = new URLSearchParams(question ?? "");
        for (const control of batch) params.append("control", control);
        return fetchApi(`/api/blast-radius/what-if-effects?${params}`, ZWhatIfEffects, { signal });
      },
      enabled: question !== null,
      retry: false,
      staleTime: 60_000,
    })),
  });
  const byControl = new Map<string, TWhatIfEffect>();
  let error: Error | null = null;
  for (const result of results) {
    for (const effect of result.data?.effects ?? []) byControl.set(effect.control, effect);
    error ??= result.error;
  }
  return { byControl, error };
}
