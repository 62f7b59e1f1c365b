/** A story as far as publication goes: its id and the datasets it lists. */
export interface PublishedStory {
	id: string;
	datasets: readonly string[];
}

/** The published stories, indexed once for `isDatasetPublished`. */
export interface PublishedStories {
	ids: ReadonlySet<string>;
	/** Every dataset a published story lists. */
	listed: ReadonlySet<string>;
}

/** Indexes the published stories; built once per build, not once per dataset. */
export function publishedStories(stories: Iterable<PublishedStory>): PublishedStories {
	const ids = new Set<string>();
	const listed = new Set<string>();
	for (const story of stories) {
		ids.add(story.id);
		for (const dataset of story.datasets) listed.add(dataset);
	}
	return { ids, listed };
}

/**
 * Whether a dataset is published: a published story lists it or printed one of its figures, or
 * none of its figures was printed in a story (an outside publication's table). A dataset made for
 * a story still in draft stays unpublished with the story, so its figures and their sentences do
 * not reach readers before the story does.
 */
export function isDatasetPublished(id: string, figures: readonly { source?: { article: string } }[], published: PublishedStories): boolean {
	// A dataset from an outside publication (no figure printed in a story) stands on its own.
	if (figures.every((figure) => figure.source === undefined)) return true;
	return published.listed.has(id) || figures.some((figure) => figure.source !== undefined && published.ids.has(figure.source.article));
}
