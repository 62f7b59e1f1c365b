import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate an editor most likely meant by a mistyped id or name (xingyang-visitor →
 * xingyang-visitors), or undefined when none is close: two edits apart, or one per six characters of a long id.
 */
export function didYouMean(received: string, candidates: Iterable<string>): string | undefined {
	const list = [...candidates];
	if (list.length === 0) return undefined;
	const nearest = closest(received, list);
	return distance(received, nearest) <= Math.max(2, Math.floor(received.length / 6)) ? nearest : undefined;
}

/** ` did you mean "xingyang-visitors"?` or nothing, to follow a `received "…";`. */
export function didYouMeanPhrase(received: string, candidates: Iterable<string>): string {
	const nearest = didYouMean(received, candidates);
	return nearest === undefined ? '' : ` did you mean "${nearest}"?`;
}
