/** Joins class names, skipping the ones a caller left out. */
export function joinClasses(...classes: (string | undefined)[]) {
  return classes.filter(Boolean).join(" ");
}
