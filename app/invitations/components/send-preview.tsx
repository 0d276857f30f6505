import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { SelectField } from "~/components/ui/field";

type SendPreviewProps = {
  preview: {
    choices: { value: string; label: string }[];
    inviteeId: string;
    inviteeLabel: string;
    from: string;
    to: string;
    subject: string;
    text: string;
  };
  /** The HTML version, served on its own with a strict Content-Security-Policy. */
  htmlPath: string;
};

export function SendPreview({ preview, htmlPath }: SendPreviewProps) {
  return (
    <Card>
      <CardHeader
        title="Preview"
        description="The invitation as this person will get it. In the preview the answer buttons are stand-ins: each real email carries the invitee's own signed link."
      />
      <CardBody className="space-y-4">
        <Form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <SelectField
            label="Preview for"
            className="min-w-0 sm:flex-1"
            selectProps={{ name: "invitee", defaultValue: preview.inviteeId }}
            options={preview.choices}
          />
          <Button type="submit" variant="secondary">
            Show preview
          </Button>
        </Form>
        <dl className="grid gap-x-3 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-900">From</dt>
          <dd className="break-words">{preview.from}</dd>
          <dt className="font-medium text-slate-900">To</dt>
          <dd className="break-words">{preview.to}</dd>
          <dt className="font-medium text-slate-900">Subject</dt>
          <dd className="break-words">{preview.subject}</dd>
        </dl>
        <iframe
          title={`Invitation email for ${preview.inviteeLabel}`}
          src={htmlPath}
          sandbox=""
          className="h-[40rem] w-full rounded-md border border-slate-200 bg-white"
        />
        <details>
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Plain-text version</summary>
          <pre className="mt-2 rounded-md bg-slate-50 p-4 text-sm whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200">{preview.text}</pre>
        </details>
      </CardBody>
    </Card>
  );
}
