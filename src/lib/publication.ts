/** A story as far as publication goes: its id and the datasets it lists. */
export interface PublishedStory {
	id: string;
	datasets: readonly string[];
}

/**
 * Whether a dataset is published: a published story lists it or printed one of its figures, or
 * none of its figures was printed in a story (an outside publication's table). A dataset made for
 * a story still in draft stays unpublished with the story, so its figures and their sentences do
 * not reach readers before the story does.
 */
export function isDatasetPublished(
	id: string,
	figures: readonly { source?: { article: string } }[],
	published: Iterable<PublishedStory>,
): boolean {
	// A dataset from an outside publication (no figure printed in a story) stands on its own.
	if (figures.every((figure) => figure.source === undefined)) return true;
	const stories = [...published];
	const ids = new Set(stories.map((story) => story.id));
	return stories.some((story) => story.datasets.includes(id)) || figures.some((figure) => figure.source !== undefined && ids.has(figure.source.article));
}
