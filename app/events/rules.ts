/** A rule about events that the request broke; its message is shown to the user as is. */
export class EventRuleError extends Error {
  override name = "EventRuleError";
  /** Messages for particular form fields ("capacity", "quotas.partner"), shown beside them. */
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}
