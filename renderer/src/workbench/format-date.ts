/** "Sunday 1 December 2024": the weekday matters to an editor checking «الأحد» against a date. */
export function formatPublished(date: string | null): string {
  if (!date) return 'date unknown';
  const parsed = new Date(date.length === 10 ? `${date}T12:00:00Z` : date);
  if (Number.isNaN(parsed.getTime())) return date;
  return parsed.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function formatMoment(iso: string): string {
  const parsed = new Date(iso);
  return parsed.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
