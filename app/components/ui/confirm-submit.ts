import type { FormEvent } from "react";

/**
 * With JavaScript, destructive buttons ask first. Without it the form still posts: the button's
 * own wording names the person and the consequence, so the click is the confirmation.
 */
export function confirmSubmit(question: string) {
  return (event: FormEvent<HTMLFormElement>) => {
    if (!window.confirm(question)) event.preventDefault();
  };
}
