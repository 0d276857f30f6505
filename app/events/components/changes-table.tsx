import type { FieldChange } from "../changes";

/** Before → after, one row per changed field; long values wrap so it reads on a phone. */
export function ChangesTable({ changes, caption }: { changes: FieldChange[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-900">
              What
            </th>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-900">
              Before
            </th>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-900">
              After
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white">
          {changes.map((change, index) => (
            <tr key={`${index}-${change.label}`} className="align-top">
              <th scope="row" className="px-3 py-2 font-medium break-words text-slate-900">
                {change.label}
              </th>
              <td className="px-3 py-2 break-words whitespace-pre-line text-slate-700">{change.before}</td>
              <td className="px-3 py-2 break-words whitespace-pre-line text-slate-900">
                <span aria-hidden="true" className="text-slate-600">
                  →{" "}
                </span>
                {change.after}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
