/** A rule about events that the request broke; its message is shown to the user as is. */
export class EventRuleError extends Error {
  override name = "EventRuleError";
}
