/** A rule about members that the request broke; its message is shown to the user as is. */
export class MemberRuleError extends Error {
  override name = "MemberRuleError";
}
