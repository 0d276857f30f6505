import {
  forwardRef,
  useId,
  type AriaAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { ErrorList } from "./error-list";
import { joinClasses } from "./class-names";

type FieldFrameProps = {
  label: ReactNode;
  description?: ReactNode;
  errors?: readonly string[] | null;
  className?: string;
};

type FieldIds = { controlId: string; descriptionId: string; errorId: string };

type ControlA11yProps = Pick<AriaAttributes, "aria-describedby" | "aria-invalid"> & { id?: string };

const controlClasses =
  "block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm " +
  // 16px text on phones stops iOS Safari from zooming into the field on focus.
  "placeholder:text-slate-500 sm:text-sm " +
  "focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 " +
  "aria-invalid:border-red-700 aria-invalid:focus-visible:outline-red-700 " +
  "disabled:cursor-not-allowed disabled:border-slate-300 disabled:bg-slate-100 disabled:text-slate-600";

/**
 * Ids follow Conform's `${id}-description` / `${id}-error` convention, so props spread from
 * `getInputProps` line up with the elements rendered here. References to those ids are only
 * kept while the element is actually rendered, so `aria-describedby` never dangles.
 */
function useFieldA11y(control: ControlA11yProps, hasDescription: boolean, errors: FieldFrameProps["errors"]) {
  const generatedId = useId();
  const controlId = control.id ?? generatedId;
  const ids: FieldIds = { controlId, descriptionId: `${controlId}-description`, errorId: `${controlId}-error` };
  const hasErrors = Boolean(errors?.length);

  const ownIds = new Set([ids.descriptionId, ids.errorId]);
  const passedThrough = control["aria-describedby"]?.split(/\s+/).filter((ref) => ref && !ownIds.has(ref)) ?? [];
  const describedBy = [
    ...passedThrough,
    hasDescription ? ids.descriptionId : undefined,
    hasErrors ? ids.errorId : undefined,
  ].filter(Boolean);

  return {
    ids,
    controlProps: {
      id: controlId,
      "aria-invalid": hasErrors ? true : control["aria-invalid"],
      "aria-describedby": describedBy.length > 0 ? describedBy.join(" ") : undefined,
    },
  };
}

function FieldFrame({
  ids,
  label,
  description,
  errors,
  className,
  children,
}: FieldFrameProps & { ids: FieldIds; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={ids.controlId} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {description ? (
        <p id={ids.descriptionId} className="mt-1 text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <div className="mt-1.5">{children}</div>
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  );
}

export type FieldProps = FieldFrameProps & {
  inputProps: InputHTMLAttributes<HTMLInputElement>;
};

export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ inputProps, ...frame }, ref) {
  const { ids, controlProps } = useFieldA11y(inputProps, Boolean(frame.description), frame.errors);
  return (
    <FieldFrame ids={ids} {...frame}>
      <input
        ref={ref}
        {...inputProps}
        {...controlProps}
        className={joinClasses(controlClasses, inputProps.className)}
      />
    </FieldFrame>
  );
});

export type SelectOption = { value: string; label: string };

export type SelectFieldProps = FieldFrameProps & {
  selectProps: SelectHTMLAttributes<HTMLSelectElement>;
  options: readonly SelectOption[];
};

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { selectProps, options, ...frame },
  ref,
) {
  const { ids, controlProps } = useFieldA11y(selectProps, Boolean(frame.description), frame.errors);
  return (
    <FieldFrame ids={ids} {...frame}>
      <select
        ref={ref}
        {...selectProps}
        {...controlProps}
        className={joinClasses(controlClasses, selectProps.className)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
});

export type TextareaFieldProps = FieldFrameProps & {
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement>;
};

export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(function TextareaField(
  { textareaProps, ...frame },
  ref,
) {
  const { ids, controlProps } = useFieldA11y(textareaProps, Boolean(frame.description), frame.errors);
  return (
    <FieldFrame ids={ids} {...frame}>
      <textarea
        ref={ref}
        rows={4}
        {...textareaProps}
        {...controlProps}
        className={joinClasses(controlClasses, textareaProps.className)}
      />
    </FieldFrame>
  );
});
