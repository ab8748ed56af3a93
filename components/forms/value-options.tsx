/** A select's options where each value is also its label: statuses, priorities, customer types, lead sources, state codes. */
export function ValueOptions({ values }: { values: readonly string[] }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {value}
    </option>
  ));
}
