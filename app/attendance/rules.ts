/**
 * A check-in rule the request broke. The message is shown as is; the status says whether the
 * input was wrong (400), the person isn't on this company's list (404), or the event no longer
 * (or not yet) takes check-ins (409).
 */
export class AttendanceRuleError extends Error {
  override name = "AttendanceRuleError";
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
    /** The form field the message belongs beside, when it is about one. */
    readonly field?: "email",
  ) {
    super(message);
  }
}
