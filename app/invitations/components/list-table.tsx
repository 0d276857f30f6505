import { Form, Link, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { confirmSubmit } from "~/components/ui/confirm-submit";
import { EmptyState } from "~/components/ui/empty-state";
import { SearchForm } from "~/components/ui/search-form";
import type { InviteeView, Pagination } from "../list.server";
import { sourceLabels } from "../labels";
import { DeliveryBadge, RsvpBadge, SuppressionBadge } from "./list-badges";

type InviteeTableProps = {
  invitees: InviteeView[];
  query: string;
  pagination: Pagination;
  canRemove: boolean;
  /** Builds a link to another page of the list, keeping the rest of the query string. */
  pageHref: (page: number) => string;
};

export function InviteeTableCard({ invitees, query, pagination, canRemove, pageHref }: InviteeTableProps) {
  if (pagination.total === 0 && !query) {
    return (
      <EmptyState
        title="Nobody on your list yet"
        description={
          canRemove
            ? "Add people below: tick members of your company, paste addresses, or upload a CSV. You can send the invitations once the list is ready."
            : "Nobody was invited from your company, and the list can no longer change."
        }
      />
    );
  }
  return (
    <Card>
      <CardHeader title="Who's on your list" description="Delivery shows where each invitation is; the answer is what the person said." />
      <CardBody className="space-y-4">
        <SearchForm id="invitee-search" label="Search by name, email or team" query={query} clearTo="?" />
        {invitees.length === 0 ? (
          <p className="text-sm text-slate-700">
            Nobody on your list matches “{query}”. Try part of a name or an address, or{" "}
            <Link to="?" className="font-medium text-brand-700 underline underline-offset-4">
              show everyone
            </Link>
            .
          </p>
        ) : (
          <InviteeTable invitees={invitees} canRemove={canRemove} caption={query ? `People on your list matching “${query}”` : "People on your list"} />
        )}
        <PageLinks pagination={pagination} pageHref={pageHref} label="Pages of your list" />
      </CardBody>
    </Card>
  );
}

const headerClass = "px-3 py-2 font-semibold text-slate-900";

function InviteeTable({ invitees, canRemove, caption }: { invitees: InviteeView[]; canRemove: boolean; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={headerClass}>
              Name
            </th>
            <th scope="col" className={headerClass}>
              Email
            </th>
            <th scope="col" className={headerClass}>
              Team
            </th>
            <th scope="col" className={headerClass}>
              Added from
            </th>
            <th scope="col" className={headerClass}>
              Delivery
            </th>
            <th scope="col" className={headerClass}>
              Answer
            </th>
            {canRemove ? (
              <th scope="col" className={headerClass}>
                <span className="sr-only">Remove</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white">
          {invitees.map((invitee) => (
            <InviteeRow key={invitee.id} invitee={invitee} canRemove={canRemove} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InviteeRow({ invitee, canRemove }: { invitee: InviteeView; canRemove: boolean }) {
  const navigation = useNavigation();
  const removing = navigation.state !== "idle" && navigation.formData?.get("invitationId") === invitee.id;
  const who = invitee.name || invitee.email;
  const question = invitee.sent
    ? `Remove ${who} from the list? The invitation already sent to them will stop working.`
    : `Remove ${who} from the list?`;
  return (
    <tr className="align-top">
      <th scope="row" className="px-3 py-2 font-medium break-words text-slate-900">
        {invitee.name || <span className="font-normal text-slate-600">No name given</span>}
      </th>
      <td className="px-3 py-2 break-all text-slate-700">{invitee.email}</td>
      <td className="px-3 py-2 break-words text-slate-700">{invitee.team}</td>
      <td className="px-3 py-2 whitespace-nowrap text-slate-700">{sourceLabels[invitee.source]}</td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-1">
          <DeliveryBadge delivery={invitee.delivery} />
          {invitee.flag ? <SuppressionBadge reason={invitee.flag} /> : null}
        </div>
      </td>
      <td className="px-3 py-2">
        <RsvpBadge status={invitee.status} />
      </td>
      {canRemove ? (
        <td className="px-3 py-2 text-right">
          <Form method="post" onSubmit={confirmSubmit(question)}>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="invitationId" value={invitee.id} />
            <Button type="submit" size="sm" variant="ghost" disabled={removing}>
              {removing ? "Removing…" : "Remove"}
              <span className="sr-only"> {who} from the list</span>
            </Button>
          </Form>
        </td>
      ) : null}
    </tr>
  );
}

export function PageLinks({ pagination, pageHref, label }: { pagination: Pagination; pageHref: (page: number) => string; label: string }) {
  if (pagination.pageCount <= 1) return null;
  const linkClass = "font-medium text-brand-700 underline underline-offset-4";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      {pagination.page > 1 ? (
        <Link to={pageHref(pagination.page - 1)} className={linkClass}>
          Previous page
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <p>
        Page {pagination.page} of {pagination.pageCount} · {pagination.total.toLocaleString("en-US")} people
      </p>
      {pagination.page < pagination.pageCount ? (
        <Link to={pageHref(pagination.page + 1)} className={linkClass}>
          Next page
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
