export type ErrorListProps = {
  /** Referenced by the control's `aria-describedby`, so screen readers read the errors with it. */
  id?: string;
  errors?: readonly string[] | null;
};

export function ErrorList({ id, errors }: ErrorListProps) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1.5 space-y-1 text-sm text-red-700">
      {errors.map((error, index) => (
        <li key={`${index}-${error}`}>{error}</li>
      ))}
    </ul>
  );
}
