export type Figure = { label: string; value: number };

export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/** The few numbers a page leads with ("On the list 150", "Sent 100"), as a labelled grid. */
export function Figures({ figures }: { figures: readonly Figure[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {figures.map((figure) => (
        <div key={figure.label} className="rounded-lg border border-slate-200 px-3 py-2">
          <dt className="text-sm text-slate-700">{figure.label}</dt>
          <dd className="text-xl font-semibold text-slate-900">{formatCount(figure.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
