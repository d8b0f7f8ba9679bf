import type { ReactNode } from "react";

/**
 * A filter of several values at once (the inventory's exposure and risk flags, the explorer's
 * kinds): one checkbox chip per value; ticking one adds it to the checked values, unticking removes it.
 */
export function FilterChips<T extends string>({
  legend,
  values,
  checked,
  onChange,
  label = (value) => value,
  title,
}: {
  legend: string;
  values: readonly T[];
  checked: readonly T[];
  onChange: (checked: T[]) => void;
  label?: (value: T) => ReactNode;
  /** a tooltip per chip */
  title?: (value: T) => string;
}) {
  const toggle = (value: T) => onChange(checked.includes(value) ? checked.filter((item) => item !== value) : [...checked, value]);
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div>
        {values.map((value) => (
          <label key={value} className="chip" title={title?.(value)}>
            <input type="checkbox" checked={checked.includes(value)} onChange={() => toggle(value)} />
            {label(value)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
