/**
 * An ISO date-time in a time zone, as a spreadsheet reader wants it beside the UTC one:
 * `2024-12-01 12:30 +03:00`. Not a date-time (a bare date, say): returned as it is.
 */
export function localTime(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  if (!/T\d{2}:\d{2}/.test(iso) || Number.isNaN(time)) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(new Date(time))
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  // "GMT+03:00", or "GMT" alone at offset zero.
  const offset = (parts.timeZoneName ?? 'GMT').replace(/^GMT/, '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${offset}`;
}
