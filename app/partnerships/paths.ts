export function partnershipWorkspacePath(organizationSlug: string, partnershipId: string): string {
  return `/o/${organizationSlug}/partners/${partnershipId}`;
}

/** The contact's page: not under a company, because they may not have one yet. */
export function partnershipInvitationPath(partnershipId: string): string {
  return `/partnerships/invitations/${partnershipId}`;
}
