import type { DeadlineDate } from '../api/operations.ts';
import { formatDate } from '../domain/dates.ts';

/** A derived date, or "ukendt" with the reason on hover and for screen readers. */
export function DeadlineDateText({
  date,
}: {
  date: Pick<DeadlineDate, 'known' | 'value' | 'reason' | 'note'>;
}) {
  if (!date.known) {
    return (
      <span className="unknown" title={date.reason ?? undefined}>
        ukendt{date.reason ? <span className="visually-hidden"> ({date.reason})</span> : null}
      </span>
    );
  }
  return <span title={date.note ?? undefined}>{date.value ? formatDate(date.value) : '–'}</span>;
}
