import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ErrorList } from "~/components/ui/error-list";
import { TextareaField } from "~/components/ui/field";
import { COMMENT_MAX_LENGTH, postCommentSchema } from "../schemas";

export type CommentView = {
  id: string;
  body: string;
  postedAt: string;
  postedAtLabel: string;
  authorName: string;
  companyName: string;
  notifiedNames: string[];
};

export function CommentThread({ comments, timeZone }: { comments: CommentView[]; timeZone: string }) {
  return (
    <Card>
      <CardHeader title="Discussion" description={`Both companies read this thread. Newest at the bottom; times are in ${timeZone}, the event's time zone.`} />
      <CardBody>
        {comments.length === 0 ? (
          <p className="text-sm text-slate-700">No comments yet. Ask a question or share an update with the other company.</p>
        ) : (
          <ol className="space-y-5">
            {comments.map((comment) => (
              <li key={comment.id} id={`comment-${comment.id}`} className="border-l-2 border-slate-200 pl-4">
                <p className="text-sm">
                  <span className="font-medium text-slate-900">{comment.authorName}</span>
                  <span className="text-slate-700"> ({comment.companyName}) · </span>
                  <time dateTime={comment.postedAt} className="text-slate-700">
                    {comment.postedAtLabel}
                  </time>
                </p>
                <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-900">{comment.body}</p>
                {comment.notifiedNames.length > 0 ? <p className="mt-1 text-sm text-slate-600">Notified: {comment.notifiedNames.join(", ")}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}

type NotifyGroup = { companyName: string; isYou: boolean; people: { id: string; name: string }[] };

export function CommentForm({ notifyGroups, outcome }: { notifyGroups: NotifyGroup[]; outcome: { result: SubmissionResult<string[]>; message?: string } | undefined }) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "comment";
  const [form, fields] = useForm({
    id: "comment",
    lastResult: outcome?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: postCommentSchema }),
  });
  const anyoneToNotify = notifyGroups.some((group) => group.people.length > 0);
  return (
    <Card>
      <CardHeader title="Add a comment" titleAs="h2" />
      <CardBody>
        <Form method="post" {...getFormProps(form)} className="space-y-5">
          {outcome?.message ? <Alert tone="success">{outcome.message}</Alert> : null}
          {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
          <input type="hidden" name="intent" value="comment" />
          <TextareaField
            label="Comment"
            description={`Up to ${COMMENT_MAX_LENGTH.toLocaleString("en-US")} characters. Write @ and someone's full name, like @Ada Lovelace, to notify them.`}
            textareaProps={{ ...getTextareaProps(fields.body), maxLength: COMMENT_MAX_LENGTH, rows: 4 }}
            errors={fields.body.errors}
          />
          {anyoneToNotify ? (
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">Notify by email</legend>
              <p className="mt-1 text-sm text-slate-600">They get this comment in their next digest: at most one email an hour.</p>
              <div className="mt-3 grid gap-4 sm:grid-cols-2">
                {notifyGroups
                  .filter((group) => group.people.length > 0)
                  .map((group) => (
                    <div key={group.companyName}>
                      <p className="text-sm font-medium text-slate-800">{group.isYou ? `${group.companyName} (you)` : group.companyName}</p>
                      <ul className="mt-2 space-y-2">
                        {group.people.map((person) => (
                          <li key={person.id}>
                            <label className="flex min-h-8 items-center gap-2 text-sm text-slate-900">
                              <input type="checkbox" name={fields.notify.name} value={person.id} className="size-4 rounded border-slate-500 accent-brand-600" />
                              {person.name}
                            </label>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
              </div>
              <ErrorList id={`${fields.notify.id}-error`} errors={fields.notify.errors} />
            </fieldset>
          ) : null}
          <Button type="submit" className="w-full sm:w-auto" disabled={submitting}>
            {submitting ? "Posting…" : "Post comment"}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}
