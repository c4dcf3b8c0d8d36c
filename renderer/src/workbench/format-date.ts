// One formatter each, made once: toLocaleDateString with options builds a new one per call, which
// cost a report pane most of its time on every scroll frame.
const PUBLISHED = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Sunday 1 December 2024": the weekday matters to an editor checking «الأحد» against a date. */
export function formatPublished(date: string | null): string {
  if (!date) return 'date unknown';
  const parsed = new Date(date.length === 10 ? `${date}T12:00:00Z` : date);
  if (Number.isNaN(parsed.getTime())) return date;
  return PUBLISHED.format(parsed);
}

export function formatMoment(iso: string): string {
  const parsed = new Date(iso);
  // format() throws on an invalid date, where toLocaleString said "Invalid Date": show it as stored.
  return Number.isNaN(parsed.getTime()) ? iso : MOMENT.format(parsed);
}
