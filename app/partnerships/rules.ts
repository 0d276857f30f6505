/**
 * A partnership rule the request broke. Its message is shown to the user as is; `link` points
 * somewhere that resolves the problem (e.g. the partnership that already exists).
 */
export class PartnershipRuleError extends Error {
  override name = "PartnershipRuleError";
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 429 = 400,
    readonly link?: { href: string; label: string },
  ) {
    super(message);
  }
}
