/**
 * `pagefind/parts.json`, which the search page reads before anything else: the search index is
 * written in parts (one Pagefind index per month of editions, and one for stories indexed again
 * since their month's part was written), which the page merges in the browser.
 */
export interface SearchParts {
	/**
	 * The newest month's part, whose index sits in `pagefind/` itself beside `pagefind.js`: Pagefind
	 * loads its script, its WebAssembly and its first index from one folder. Null when no page is
	 * indexed.
	 */
	primary: SearchPart | null;
	/** The other parts, merged into the primary with Pagefind's `mergeIndex`, oldest month first. */
	merged: SearchPart[];
	/**
	 * Stories changed since their month's part was written: the Pagefind page id (`zh-cn_1a2b3c4`) of
	 * the old version, whose words the month's index still holds and the search page leaves out (its
	 * fragment, the text, is not published), and the id of the new version in the part of changes.
	 */
	replaced: Record<string, string>;
	/** Every value of each filter (`edition`, `page`, `column`), for the search form's lists. */
	filters: Record<string, string[]>;
}

export interface SearchPart {
	/** The part's folder relative to `pagefind/`, ending in `/`; empty for the primary. */
	path: string;
	/** Changes whenever the part's files do: Pagefind's `metaCacheTag`, so a browser may cache the part's entry file. */
	tag: string;
	/** The months (`2024-09`) of the editions whose stories the part holds. */
	months: string[];
}

/** The folder, inside `pagefind/`, of the part holding stories indexed again since their month's part was written. */
export const CHANGES_PART = 'changes';
