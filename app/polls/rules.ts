/** A poll rule the request broke; the message is shown to the user as is. */
export class PollRuleError extends Error {
  override name = "PollRuleError";
  constructor(
    message: string,
    readonly status: 400 | 409 = 400,
  ) {
    super(message);
  }
}
