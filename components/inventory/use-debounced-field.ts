"use client";

import { useEffect, useState } from "react";

const TYPING_PAUSE_MS = 300;

/**
 * A text box bound to a URL value: typing changes the box at once and the URL after a pause, so
 * each keystroke is not a request and a history entry; Back/Forward (a new `value`) resets the box.
 */
export function useDebouncedField(value: string | undefined, onSettle: (value: string | undefined) => void) {
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  useEffect(() => {
    if (text === (value ?? "")) return;
    const timer = setTimeout(() => onSettle(text || undefined), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // only a keystroke restarts the pause: a new onSettle every render must not
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  return [text, setText] as const;
}
