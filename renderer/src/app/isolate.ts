/**
 * Wraps untrusted text in Unicode first-strong isolates, for places that cannot hold a <bdi>
 * (option labels, window titles, confirm dialogs): an outlet name carrying U+202E cannot then
 * reorder the text around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
