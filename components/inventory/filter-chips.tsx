/** A filter of several values at once: one checkbox chip per value, ticking adds or removes it. */
export function FilterChips<T extends string>({
  legend,
  values,
  checked,
  onChange,
  label = (value) => value,
}: {
  legend: string;
  values: readonly T[];
  checked: readonly T[];
  onChange: (checked: T[]) => void;
  label?: (value: T) => string;
}) {
  const toggle = (value: T) => onChange(checked.includes(value) ? checked.filter((item) => item !== value) : [...checked, value]);
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div>
        {values.map((value) => (
          <label key={value} className="chip">
            <input type="checkbox" checked={checked.includes(value)} onChange={() => toggle(value)} />
            {label(value)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
