/**
 * An invitee's answer to one question, read from the RSVP's `answers` JSON
 * (`{ [questionId]: string | string[] }`): the values given, blanks dropped, so "not answered" is
 * an empty list whatever shape the row has.
 */
export function answerValues(answers: unknown, questionId: string): string[] {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return [];
  const value = (answers as Record<string, unknown>)[questionId];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === "string").map((item) => item.trim()).filter(Boolean);
}
