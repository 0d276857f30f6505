import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { WALK_IN_NAME_MAX_LENGTH, WALK_IN_TEAM_MAX_LENGTH, walkInSchema } from "../schemas";

type WalkInCardProps = {
  companyName: string;
  walkInKey: string;
  outcome: { result: SubmissionResult<string[]>; message?: string } | undefined;
};

/** Someone from the company turned up without being on the list: add them, checked in at once. */
export function WalkInCard({ companyName, walkInKey, outcome }: WalkInCardProps) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "add-walk-in";
  const [form, fields] = useForm({
    id: "add-walk-in",
    lastResult: outcome?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: walkInSchema }),
  });
  return (
    <Card>
      <CardHeader
        title="Add a walk-in"
        description={`For someone from ${companyName} who isn't on the list. They're checked in straight away and don't take one of your seats: they're already here.`}
      />
      <CardBody>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          {outcome?.message ? <Alert tone="success">{outcome.message}</Alert> : null}
          {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
          <input type="hidden" name="intent" value="add-walk-in" />
          <input type="hidden" name="walkInKey" value={walkInKey} />
          <Field
            label="Name"
            inputProps={{ ...getInputProps(fields.name, { type: "text" }), maxLength: WALK_IN_NAME_MAX_LENGTH, autoComplete: "off" }}
            errors={fields.name.errors}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Email (optional)"
              description="Leave it empty if they'd rather not give one."
              inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off", inputMode: "email" }}
              errors={fields.email.errors}
            />
            <Field
              label="Team (optional)"
              inputProps={{ ...getInputProps(fields.team, { type: "text" }), maxLength: WALK_IN_TEAM_MAX_LENGTH, autoComplete: "off" }}
              errors={fields.team.errors}
            />
          </div>
          <Button type="submit" size="lg" disabled={submitting} className="w-full sm:w-auto">
            {submitting ? "Adding…" : "Add and check in"}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}
