import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { confirmSubmit } from "~/components/ui/confirm-submit";
import { OutcomeAlert, type ActionOutcome } from "~/components/ui/outcome-alert";

export function LeaveOrganization({
  organizationName,
  isSoleOwner,
  outcome,
}: {
  organizationName: string;
  isSoleOwner: boolean;
  outcome: ActionOutcome | undefined;
}) {
  const navigation = useNavigation();
  const leaving = navigation.state !== "idle" && navigation.formData?.get("intent") === "leave";
  return (
    <Card>
      <CardHeader title="Danger zone" />
      <CardBody className="space-y-4">
        <OutcomeAlert outcome={outcome} />
        {isSoleOwner ? (
          <p className="text-sm text-slate-700">
            You're the only owner of {organizationName}, so you can't leave yet. Make someone else an owner first, then come back here.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              Leaving removes your access to {organizationName} right away. To come back, someone will need to invite you again.
            </p>
            <Form method="post" onSubmit={confirmSubmit(`Leave ${organizationName}? You'll lose access right away.`)}>
              <input type="hidden" name="intent" value="leave" />
              <Button type="submit" variant="danger" disabled={leaving}>
                {leaving ? "Leaving…" : `Leave ${organizationName}`}
              </Button>
            </Form>
          </>
        )}
      </CardBody>
    </Card>
  );
}
