import type { Report } from '../../shared/model/report';
import { groupClaims, type ClaimGroup } from '../../shared/story/claim-groups';
import { applyEditorLinks, type StoryLink } from '../../shared/story/story-links';
import type { HandlerContext } from './handler-types';

/** The links between two reports: the engine's matches (cached by the catalog) with every editor's word on top. */
export function storyLinksBetween(context: HandlerContext, a: Report, b: Report): StoryLink[] {
  return applyEditorLinks(context.catalog.compare(a, b), context.store.state.links, a.id, b.id);
}

/** Every link of the story: between each two of the given reports, earlier-imported report first. */
export function allStoryLinks(context: HandlerContext, reports: readonly Report[]): StoryLink[] {
  const links: StoryLink[] = [];
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) links.push(...storyLinksBetween(context, reports[i]!, reports[j]!));
  }
  return links;
}

/** The story's claim groups, over every stored report at once. */
export function storyGroups(context: HandlerContext): ClaimGroup[] {
  const { state } = context.store;
  const reports = state.reportOrder.map((id) => state.reports.get(id)).filter((r): r is Report => r !== undefined);
  const claimIds = reports.flatMap((report) => context.catalog.parse(report).claims.map((c) => c.id));
  return groupClaims(claimIds, allStoryLinks(context, reports));
}
