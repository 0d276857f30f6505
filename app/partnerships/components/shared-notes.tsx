import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { confirmSubmit } from "~/components/ui/confirm-submit";
import { TextareaField } from "~/components/ui/field";
import { OutcomeAlert, type ActionOutcome } from "~/components/ui/outcome-alert";
import type { PartnershipNoteItem } from "../notes.server";
import { addNoteSchema, NOTE_MAX_LENGTH } from "../schemas";

export type NoteOutcome = ActionOutcome & { noteId: string };

export function SharedNotes({
  notes,
  otherName,
  canAdd,
  canDelete,
  inactiveReason,
  addResult,
  deleteOutcome,
}: {
  notes: PartnershipNoteItem[];
  otherName: string | null;
  canAdd: boolean;
  canDelete: boolean;
  inactiveReason: string | null;
  addResult: SubmissionResult<string[]> | undefined;
  deleteOutcome: NoteOutcome | undefined;
}) {
  const navigation = useNavigation();
  const adding = navigation.state === "submitting" && navigation.formData?.get("intent") === "add-note";
  const [form, fields] = useForm({
    id: "add-note",
    lastResult: addResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addNoteSchema }),
  });
  const outcomeHasRow = deleteOutcome && !deleteOutcome.ok && notes.some((note) => note.id === deleteOutcome.noteId);
  return (
    <Card>
      <CardHeader
        title="Things to remember about each other"
        description={`Interests, preferences and milestones people told you about${otherName ? `, shared between your company and ${otherName}` : ""}. Both companies see every note.`}
      />
      <CardBody className="space-y-6">
        <OutcomeAlert outcome={outcomeHasRow ? undefined : deleteOutcome} />
        {canAdd ? (
          <Form method="post" {...getFormProps(form)} className="space-y-3">
            {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
            <input type="hidden" name="intent" value="add-note" />
            <TextareaField
              label="New note"
              description={`E.g. "Their team loves baseball" or "Riley is training for a marathon". Up to ${NOTE_MAX_LENGTH.toLocaleString("en")} characters.`}
              textareaProps={{ ...getTextareaProps(fields.body), rows: 3, maxLength: NOTE_MAX_LENGTH }}
              errors={fields.body.errors}
            />
            <Button type="submit" disabled={adding}>
              {adding ? "Adding…" : "Add note"}
            </Button>
          </Form>
        ) : inactiveReason ? (
          <p className="text-sm text-slate-700">{inactiveReason}</p>
        ) : null}
        {notes.length === 0 ? (
          <p className="text-sm text-slate-600">
            {canAdd ? "No notes yet. Write down what you learn about each other, so the next event feels personal." : "No notes yet."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {notes.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                canDelete={canDelete && note.ownedByViewer}
                error={outcomeHasRow && deleteOutcome.noteId === note.id ? deleteOutcome.message : undefined}
              />
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function NoteItem({ note, canDelete, error }: { note: PartnershipNoteItem; canDelete: boolean; error: string | undefined }) {
  const navigation = useNavigation();
  const deleting = navigation.state !== "idle" && navigation.formData?.get("noteId") === note.id;
  return (
    <li className="flex flex-col gap-2 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
      <div className="min-w-0">
        <p className="break-words whitespace-pre-line text-slate-900">{note.body}</p>
        <p className="mt-1 text-sm text-slate-600">
          {note.authorName}, {note.organizationName} ·{" "}
          <time dateTime={new Date(note.createdAt).toISOString()}>{note.ago}</time>
        </p>
        {error ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      {canDelete ? (
        <Form method="post" onSubmit={confirmSubmit("Delete this note? Both companies will stop seeing it.")}>
          <input type="hidden" name="intent" value="delete-note" />
          <input type="hidden" name="noteId" value={note.id} />
          <Button type="submit" variant="secondary" size="sm" disabled={deleting}>
            {deleting ? "Deleting…" : "Delete"}
            <span className="sr-only"> the note by {note.authorName}</span>
          </Button>
        </Form>
      ) : null}
    </li>
  );
}
