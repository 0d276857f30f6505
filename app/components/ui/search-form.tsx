import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, ButtonLink } from "./button";
import { joinClasses } from "./class-names";

type SearchFormProps = {
  id: string;
  label: string;
  query: string;
  maxLength?: number;
  /** "lg" for pages used standing up, on a phone (the check-in list). */
  size?: "md" | "lg";
  /** Shown as a "Clear" link while a search is active. */
  clearTo?: string;
  /** Hidden fields that the search keeps, such as the tab being viewed. */
  children?: ReactNode;
};

/** A GET search form (`?q=`) that works without JavaScript and keeps its results linkable. */
export function SearchForm({ id, label, query, maxLength, size = "md", clearTo, children }: SearchFormProps) {
  const large = size === "lg";
  return (
    <Form method="get" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      {children}
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-900">
          {label}
        </label>
        <input
          id={id}
          type="search"
          name="q"
          defaultValue={query}
          maxLength={maxLength}
          autoComplete="off"
          className={joinClasses(
            "mt-1.5 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600",
            large ? "min-h-12" : "sm:text-sm",
          )}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" size={large ? "lg" : "md"}>
          Search
        </Button>
        {clearTo && query ? (
          <ButtonLink to={clearTo} variant="ghost">
            Clear
          </ButtonLink>
        ) : null}
      </div>
    </Form>
  );
}
