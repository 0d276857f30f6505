import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export function planningOverdueTaskSubject(taskTitle: string): string {
  return `Overdue: “${taskTitle}”`;
}

export type PlanningOverdueTaskEmailProps = {
  taskTitle: string;
  eventTitle: string;
  companyName: string;
  /** "Sat 14 Mar 2027". */
  dueLabel: string;
  /** True when the email goes to the person the task is assigned to, false when to the company's managers. */
  assignedToRecipient: boolean;
  url: string;
};

export default function PlanningOverdueTaskEmail({ taskTitle, eventTitle, companyName, dueLabel, assignedToRecipient, url }: PlanningOverdueTaskEmailProps) {
  const whose = assignedToRecipient ? "assigned to you" : `assigned to ${companyName}`;
  return (
    <EmailLayout
      preview={`“${taskTitle}” for ${eventTitle} was due ${dueLabel}.`}
      reason={
        assignedToRecipient
          ? "You received this email because this task is assigned to you. We send it once per task."
          : `You received this email because you manage ${companyName}'s joint events and nobody is assigned to this task. We send it once per task.`
      }
    >
      <EmailHeading>{`“${taskTitle}” is overdue`}</EmailHeading>
      <EmailText>{`This task for “${eventTitle}” is ${whose} and was due ${dueLabel}. Your partner company is counting on it.`}</EmailText>
      <EmailText>If it's done, tick it off. If the date no longer works, set a new one so both companies know.</EmailText>
      <EmailButton href={url}>Open the checklist</EmailButton>
      <EmailFallbackLink href={url} />
    </EmailLayout>
  );
}
