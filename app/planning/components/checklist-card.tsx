import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { confirmSubmit } from "~/components/ui/confirm-submit";
import { Field, SelectField } from "~/components/ui/field";
import { addTaskSchema, editTaskSchema, TASK_TITLE_MAX_LENGTH } from "../schemas";

export type TaskView = {
  id: string;
  title: string;
  companyName: string;
  isOwnCompany: boolean;
  assigneeName: string | null;
  assigneeId: string | null;
  dueOn: string | null;
  dueLabel: string | null;
  done: boolean;
  overdue: boolean;
  canManage: boolean;
};

type Company = { id: string; name: string; isYou: boolean };
type Person = { id: string; name: string };
type FormOutcome = { result: SubmissionResult<string[]>; message?: string };

type ChecklistCardProps = {
  tasks: TaskView[];
  companies: Company[];
  people: Person[];
  today: string;
  canAdd: boolean;
  closedReason: string | null;
  addOutcome: FormOutcome | undefined;
  editOutcome: (FormOutcome & { taskId: string }) | undefined;
};

export function ChecklistCard({ tasks, companies, people, today, canAdd, closedReason, addOutcome, editOutcome }: ChecklistCardProps) {
  const open = tasks.filter((task) => !task.done).length;
  const overdue = tasks.filter((task) => task.overdue).length;
  return (
    <Card>
      <CardHeader
        title="Checklist"
        description="Who does what before the day. Each task belongs to one company, and only that company's managers tick it off or change it."
        actions={
          tasks.length > 0 ? (
            <p className="text-sm text-slate-700">
              {open} open{overdue > 0 ? `, ${overdue} overdue` : ""}
            </p>
          ) : undefined
        }
      />
      <CardBody className="space-y-6">
        {closedReason ? <Alert tone="info">{closedReason}</Alert> : null}
        {tasks.length === 0 ? (
          <p className="text-sm text-slate-700">No tasks yet.{canAdd ? " Add the first one below: booking the venue, transport, t-shirts…" : ""}</p>
        ) : (
          <ul className="space-y-3">
            {tasks.map((task) => (
              <TaskItem
                key={task.id}
                task={task}
                people={people}
                today={today}
                canManage={task.canManage && !closedReason}
                outcome={editOutcome?.taskId === task.id ? editOutcome : undefined}
              />
            ))}
          </ul>
        )}
        {canAdd ? <AddTaskForm companies={companies} people={people} today={today} outcome={addOutcome} /> : null}
      </CardBody>
    </Card>
  );
}

function TaskItem({ task, people, today, canManage, outcome }: { task: TaskView; people: Person[]; today: string; canManage: boolean; outcome: FormOutcome | undefined }) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("taskId") === task.id;
  return (
    <li className={`rounded-lg border p-4 ${task.overdue ? "border-red-300 border-l-4 border-l-red-700 bg-red-50" : "border-slate-200"}`}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <p className={`font-medium break-words ${task.done ? "text-slate-600 line-through" : "text-slate-900"}`}>{task.title}</p>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge tone={task.isOwnCompany ? "brand" : "neutral"}>{task.companyName}</Badge>
            <span>{task.assigneeName ? `Assigned to ${task.assigneeName}` : "Nobody assigned yet"}</span>
            {task.dueLabel ? (
              <span>
                Due <time dateTime={task.dueOn ?? undefined}>{task.dueLabel}</time>
              </span>
            ) : null}
            {task.done ? <Badge tone="success">Done</Badge> : null}
            {task.overdue ? <Badge tone="danger">Overdue</Badge> : null}
          </div>
        </div>
        {canManage ? (
          <Form method="post" className="shrink-0">
            <input type="hidden" name="intent" value="set-task-done" />
            <input type="hidden" name="taskId" value={task.id} />
            <input type="hidden" name="done" value={task.done ? "false" : "true"} />
            <Button type="submit" size="sm" variant={task.done ? "secondary" : "primary"} disabled={busy}>
              {task.done ? "Reopen" : "Mark as done"}
              <span className="sr-only">: {task.title}</span>
            </Button>
          </Form>
        ) : null}
      </div>
      {canManage ? <EditTask task={task} people={people} today={today} outcome={outcome} /> : null}
    </li>
  );
}

function EditTask({ task, people, today, outcome }: { task: TaskView; people: Person[]; today: string; outcome: FormOutcome | undefined }) {
  const [form, fields] = useForm({
    id: `edit-task-${task.id}`,
    lastResult: outcome?.result,
    defaultValue: { title: task.title, assigneeId: task.assigneeId ?? "", dueOn: task.dueOn ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editTaskSchema }),
  });
  const failed = Boolean(form.errors?.length || Object.values(form.allErrors).length);
  return (
    <details className="mt-3 text-sm" open={failed || undefined}>
      <summary className="cursor-pointer font-medium text-brand-700">
        Change or delete<span className="sr-only"> “{task.title}”</span>
      </summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        {outcome?.message ? <Alert tone="success">{outcome.message}</Alert> : null}
        {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
        <input type="hidden" name="intent" value="edit-task" />
        <input type="hidden" name="taskId" value={task.id} />
        <Field label="Task" inputProps={{ ...getInputProps(fields.title, { type: "text" }), maxLength: TASK_TITLE_MAX_LENGTH }} errors={fields.title.errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Who does it"
            selectProps={getSelectProps(fields.assigneeId)}
            options={[{ value: "", label: "Nobody yet" }, ...people.map((person) => ({ value: person.id, label: person.name }))]}
            errors={fields.assigneeId.errors}
          />
          <Field label="Due date (optional)" inputProps={{ ...getInputProps(fields.dueOn, { type: "date" }), min: today }} errors={fields.dueOn.errors} />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm">
            Save changes
          </Button>
        </div>
      </Form>
      <Form method="post" className="mt-3" onSubmit={confirmSubmit(`Delete the task “${task.title}”?`)}>
        <input type="hidden" name="intent" value="delete-task" />
        <input type="hidden" name="taskId" value={task.id} />
        <Button type="submit" size="sm" variant="danger">
          Delete this task
        </Button>
      </Form>
    </details>
  );
}

function AddTaskForm({ companies, people, today, outcome }: { companies: Company[]; people: Person[]; today: string; outcome: FormOutcome | undefined }) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "add-task";
  const own = companies.find((company) => company.isYou)!;
  const other = companies.find((company) => !company.isYou)!;
  const [form, fields] = useForm({
    id: "add-task",
    lastResult: outcome?.result,
    defaultValue: { organizationId: own.id, assigneeId: "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addTaskSchema }),
  });
  const forOtherCompany = fields.organizationId.value === other.id;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 border-t border-slate-200 pt-5">
      <h3 className="text-sm font-semibold text-slate-900">Add a task</h3>
      {outcome?.message ? <Alert tone="success">{outcome.message}</Alert> : null}
      {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <input type="hidden" name="intent" value="add-task" />
      <Field
        label="Task"
        inputProps={{ ...getInputProps(fields.title, { type: "text" }), maxLength: TASK_TITLE_MAX_LENGTH, placeholder: "Book the venue" }}
        errors={fields.title.errors}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Which company does it"
          selectProps={getSelectProps(fields.organizationId)}
          options={companies.map((company) => ({ value: company.id, label: company.isYou ? `${company.name} (you)` : company.name }))}
          errors={fields.organizationId.errors}
        />
        <SelectField
          label="Who does it (optional)"
          description={forOtherCompany ? `${other.name}'s managers choose their own people.` : `Only for ${own.name}'s tasks.`}
          selectProps={{ ...getSelectProps(fields.assigneeId), disabled: forOtherCompany }}
          options={[{ value: "", label: "Nobody yet" }, ...people.map((person) => ({ value: person.id, label: person.name }))]}
          errors={fields.assigneeId.errors}
        />
        <Field label="Due date (optional)" inputProps={{ ...getInputProps(fields.dueOn, { type: "date" }), min: today }} errors={fields.dueOn.errors} />
      </div>
      <Button type="submit" className="w-full sm:w-auto" disabled={submitting}>
        {submitting ? "Adding…" : "Add task"}
      </Button>
    </Form>
  );
}
