/**
 * A planning rule the request broke. The message is shown to the user as is; the status says
 * whether the input was wrong (400), the company may not do it (403), or the event or
 * partnership no longer allows it (409).
 */
export class PlanningRuleError extends Error {
  override name = "PlanningRuleError";
  constructor(
    message: string,
    readonly status: 400 | 403 | 409 = 400,
  ) {
    super(message);
  }
}
