import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ErrorList } from "~/components/ui/error-list";
import { Field, TextareaField } from "~/components/ui/field";
import type { PickableMember } from "../list.server";
import { addMembersSchema, importCsvSchema, MAX_IMPORT_ROWS, pasteInviteesSchema } from "../schemas";

type FormOutcome = { result: SubmissionResult<string[]> } | undefined;

type AddInviteesCardProps = {
  companyName: string;
  members: PickableMember[];
  membersOutcome: FormOutcome;
  pasteOutcome: FormOutcome;
  csvOutcome: FormOutcome;
};

/** The three ways onto the list: members of the company, pasted addresses, or a CSV file. */
export function AddInviteesCard({ companyName, members, membersOutcome, pasteOutcome, csvOutcome }: AddInviteesCardProps) {
  return (
    <Card>
      <CardHeader
        title="Add people"
        description="Pick members of your company, paste addresses, or upload a spreadsheet. Every row is checked: bad ones are listed with the reason, the good ones are added, and an address already on the list is updated rather than added twice."
      />
      <CardBody className="divide-y divide-slate-200 py-0 sm:py-0">
        <section aria-labelledby="add-members-heading" className="py-5">
          <PickMembersForm companyName={companyName} members={members} outcome={membersOutcome} />
        </section>
        <section aria-labelledby="paste-heading" className="py-5">
          <PasteForm outcome={pasteOutcome} />
        </section>
        <section aria-labelledby="csv-heading" className="py-5">
          <CsvForm outcome={csvOutcome} />
        </section>
      </CardBody>
    </Card>
  );
}

function useSubmitting(intent: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

function PickMembersForm({ companyName, members, outcome }: { companyName: string; members: PickableMember[]; outcome: FormOutcome }) {
  const submitting = useSubmitting("add-members");
  const [form, fields] = useForm({
    id: "add-members",
    lastResult: outcome?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addMembersSchema }),
  });
  if (members.length === 0) {
    return (
      <>
        <h3 id="add-members-heading" className="text-sm font-semibold text-slate-900">
          Members of {companyName}
        </h3>
        <p className="mt-2 text-sm text-slate-700">
          Everyone at {companyName} is already on a list for this event. To invite someone else, paste their address or upload a CSV below.
        </p>
      </>
    );
  }
  const errorId = `${fields.userId.id}-error`;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <h3 id="add-members-heading" className="text-sm font-semibold text-slate-900">
        Members of {companyName}
      </h3>
      {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <input type="hidden" name="intent" value="add-members" />
      <fieldset aria-describedby={fields.userId.errors?.length ? errorId : undefined}>
        <legend className="text-sm text-slate-700">
          Tick who to invite. {members.length === 1 ? "One member isn't" : `${members.length} members aren't`} on a list yet.
        </legend>
        <ul className="mt-2 max-h-72 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
          {members.map((member) => (
            <li key={member.userId}>
              <label className="flex min-h-10 cursor-pointer items-center gap-3 rounded px-2 py-1 text-sm hover:bg-slate-50">
                <input type="checkbox" name={fields.userId.name} value={member.userId} className="size-4 rounded border-slate-500 text-brand-600" />
                <span className="min-w-0">
                  <span className="block font-medium break-words text-slate-900">{member.name || member.email}</span>
                  {member.name ? <span className="block break-all text-slate-600">{member.email}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <ErrorList id={errorId} errors={fields.userId.errors} />
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={submitting}>
          {submitting ? "Adding…" : "Add selected people"}
        </Button>
        <Button type="submit" name="everyone" value="true" variant="secondary" disabled={submitting}>
          Add all {members.length} {members.length === 1 ? "member" : "members"}
        </Button>
      </div>
    </Form>
  );
}

function PasteForm({ outcome }: { outcome: FormOutcome }) {
  const submitting = useSubmitting("paste");
  const [form, fields] = useForm({
    id: "paste",
    lastResult: outcome?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pasteInviteesSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <h3 id="paste-heading" className="text-sm font-semibold text-slate-900">
        Paste addresses
      </h3>
      {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <input type="hidden" name="intent" value="paste" />
      <TextareaField
        label="Addresses"
        description={
          <>
            One person per line, as <code>Ann Lee &lt;ann@example.com&gt;</code>, <code>ann@example.com</code> or <code>Ann Lee, ann@example.com, Sales</code>. Columns
            copied from a spreadsheet and lists copied from a mail program work too.
          </>
        }
        textareaProps={{ ...getTextareaProps(fields.text), rows: 6, spellCheck: false, autoComplete: "off" }}
        errors={fields.text.errors}
      />
      <Button type="submit" disabled={submitting}>
        {submitting ? "Adding…" : "Add these people"}
      </Button>
    </Form>
  );
}

function CsvForm({ outcome }: { outcome: FormOutcome }) {
  const submitting = useSubmitting("import-csv");
  const [form, fields] = useForm({
    id: "import-csv",
    lastResult: outcome?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: importCsvSchema }),
  });
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-3">
      <h3 id="csv-heading" className="text-sm font-semibold text-slate-900">
        Upload a spreadsheet
      </h3>
      {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <input type="hidden" name="intent" value="import-csv" />
      <Field
        label="CSV file"
        description={`Save the sheet as CSV with a header row naming the columns name, email and (optionally) team, then one person per row. Up to 2 MB and ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows.`}
        inputProps={{ ...getInputProps(fields.file, { type: "file" }), accept: ".csv,text/csv" }}
        errors={fields.file.errors}
      />
      <Button type="submit" disabled={submitting}>
        {submitting ? "Uploading…" : "Import CSV"}
      </Button>
    </Form>
  );
}
