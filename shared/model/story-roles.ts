import type { EventType, LogEvent } from './events';

export type StoryRole = 'editor' | 'reviewer';

export interface StoryMember {
  editor: string;
  role: StoryRole;
}

/** What a reviewer may record: their own key, and comments. Everything else decides something. */
const REVIEWER_EVENTS: ReadonlySet<EventType> = new Set<EventType>(['key.registered', 'claim.commented']);
/** Recovery of this folder's own files, never shared: not a decision on the story. */
const LOCAL_EVENTS: ReadonlySet<EventType> = new Set<EventType>(['log.gap', 'log.restored']);

/**
 * Why the story's signed member list does not let this event count, or null when it does. With
 * no list, everyone decides (a folder used alone). With one, a key it names as editor decides; any
 * other key (a reviewer, or one the list does not name) may only register itself and comment.
 * Every replica applies this to the same events in the same order, so all agree on what counts.
 */
export function roleProblem(members: ReadonlyMap<string, StoryMember> | null, event: Pick<LogEvent, 'type' | 'key' | 'editor'>): string | null {
  if (event.key === undefined || LOCAL_EVENTS.has(event.type)) return null;
  if (members === null) return null;
  if (REVIEWER_EVENTS.has(event.type)) return null;
  const member = members.get(event.key);
  if (member?.role === 'editor') return null;
  const who = member ? `${event.editor} is a reviewer on this story` : `${event.editor}'s key is not on the story's list of members`;
  return `${who}: reviewers can read and comment, not change statuses, evidence, reports or the list`;
}
