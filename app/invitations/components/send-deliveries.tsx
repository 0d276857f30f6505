import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { SelectField } from "~/components/ui/field";
import type { InvitationDelivery } from "~/generated/prisma/enums";
import { deliveryLabels } from "../labels";
import { DeliveryBadge } from "./list-badges";

type DeliveryRow = {
  id: string;
  name: string;
  email: string;
  delivery: InvitationDelivery;
  sentAt: string | null;
  deliveryUpdatedAt: string | null;
  deliveryError: string | null;
};

type SendDeliveriesProps = {
  rows: DeliveryRow[];
  counts: Partial<Record<InvitationDelivery, number>>;
  filter: InvitationDelivery | null;
  page: number;
  pageCount: number;
  matching: number;
  /** The page's own path, for the filter and paging links. */
  path: string;
  timeZone: string;
};

function pageLink(path: string, filter: InvitationDelivery | null, page: number) {
  const search = new URLSearchParams();
  if (filter) search.set("status", filter);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export function SendDeliveries({ rows, counts, filter, page, pageCount, matching, path, timeZone }: SendDeliveriesProps) {
  const options = [
    { value: "", label: "Everyone" },
    ...(Object.keys(deliveryLabels) as InvitationDelivery[])
      .filter((delivery) => (counts[delivery] ?? 0) > 0 || delivery === filter)
      .map((delivery) => ({ value: delivery, label: `${deliveryLabels[delivery].label} (${counts[delivery] ?? 0})` })),
  ];
  return (
    <Card>
      <CardHeader
        title="Delivery by person"
        description={`Delivered, bounced and spam reports arrive from our email provider within minutes of sending. Times are in ${timeZone}.`}
      />
      <CardBody className="space-y-4">
        <Form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <SelectField label="Show" className="sm:w-72" selectProps={{ name: "status", defaultValue: filter ?? "" }} options={options} />
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </Form>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">No one in this send has that status.</p>
        ) : (
          <div className="-mx-4 overflow-x-auto sm:mx-0">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Delivery status of each invitation in this send; times in {timeZone}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Email
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Sent
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Last update
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.id} className="align-top">
                    <td className="px-4 py-2 text-slate-900">{row.name || "—"}</td>
                    <td className="px-4 py-2 break-words text-slate-700">{row.email}</td>
                    <td className="px-4 py-2">
                      <DeliveryBadge delivery={row.delivery} />
                      {row.deliveryError ? <p className="mt-1 max-w-xs text-xs text-slate-600">{row.deliveryError}</p> : null}
                    </td>
                    <td className="px-4 py-2 whitespace-nowrap text-slate-700">{row.sentAt ?? "—"}</td>
                    <td className="px-4 py-2 whitespace-nowrap text-slate-700">{row.deliveryUpdatedAt ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pageCount > 1 ? (
          <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-700">
            {page > 1 ? (
              <Link to={pageLink(path, filter, page - 1)} className="font-medium text-brand-700 underline underline-offset-4">
                Previous page
              </Link>
            ) : (
              <span />
            )}
            <span>
              Page {page} of {pageCount} · {matching} people
            </span>
            {page < pageCount ? (
              <Link to={pageLink(path, filter, page + 1)} className="font-medium text-brand-700 underline underline-offset-4">
                Next page
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </CardBody>
    </Card>
  );
}
