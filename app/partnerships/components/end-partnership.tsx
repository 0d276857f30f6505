import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { confirmSubmit } from "~/components/ui/confirm-submit";
import { ErrorList } from "~/components/ui/error-list";
import { endPartnershipSchema } from "../schemas";

/** Ending is hard to undo (it takes a new invitation), so it asks for a ticked box, with or without JavaScript. */
export function EndPartnership({ otherName, result }: { otherName: string; result: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const ending = navigation.state !== "idle" && navigation.formData?.get("intent") === "end";
  const [form, fields] = useForm({
    id: "end-partnership",
    lastResult: result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: endPartnershipSchema }),
  });
  return (
    <Card>
      <CardHeader title="End the partnership" />
      <CardBody>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
          <p className="text-sm text-slate-700">
            Nothing new can be planned with {otherName} afterwards. Past events, notes and the activity stay readable for both companies, and
            {" "}{otherName}'s managers are told by email.
          </p>
          <input type="hidden" name="intent" value="end" />
          <div>
            <div className="flex items-start gap-2">
              <input
                {...getInputProps(fields.confirm, { type: "checkbox", value: "yes" })}
                className="mt-0.5 size-4 shrink-0 rounded border-slate-500 accent-red-700"
              />
              <label htmlFor={fields.confirm.id} className="text-sm font-medium text-slate-900">
                Yes, end our partnership with {otherName}
              </label>
            </div>
            <ErrorList id={fields.confirm.errorId} errors={fields.confirm.errors} />
          </div>
          <Button type="submit" variant="danger" disabled={ending}>
            {ending ? "Ending…" : "End the partnership"}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}

export function WithdrawInvitation({ contactEmail }: { contactEmail: string }) {
  const navigation = useNavigation();
  const withdrawing = navigation.state !== "idle" && navigation.formData?.get("intent") === "withdraw";
  return (
    <Card>
      <CardHeader title="Withdraw the invitation" />
      <CardBody className="space-y-4">
        <p className="text-sm text-slate-700">If you invited the wrong person, withdraw the invitation: its link stops working. You can invite someone else afterwards.</p>
        <Form method="post" onSubmit={confirmSubmit(`Withdraw the invitation to ${contactEmail}?`)}>
          <input type="hidden" name="intent" value="withdraw" />
          <Button type="submit" variant="danger" disabled={withdrawing}>
            {withdrawing ? "Withdrawing…" : "Withdraw the invitation"}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}
