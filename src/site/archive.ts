/**
 * The archive (往期) split into years and months, so that each archive page lists one month's
 * editions or one year's months: a ten-year archive of 3,650 editions is 120 pages of at most 31
 * lines, not one page that grows every day.
 */

/** A month of the archive and its editions. */
export interface ArchiveMonth<Edition> {
	/** `2024-09`. */
	month: string;
	/** `2024`. */
	year: string;
	/** The month's editions, newest first. */
	editions: Edition[];
}

/** A year of the archive and the months in which the paper appeared. */
export interface ArchiveYear<Edition> {
	/** `2024`. */
	year: string;
	/** Newest first; a month without an edition is not listed. */
	months: ArchiveMonth<Edition>[];
	/** How many editions appeared that year. */
	editionCount: number;
}

/** The whole archive by year and by month. */
export interface Archive<Edition> {
	/** Newest first. */
	years: ArchiveYear<Edition>[];
	/** Every month with an edition, newest first across the years, for previous/next month links. */
	months: ArchiveMonth<Edition>[];
}

const grouped = new WeakMap<readonly { date: string }[], Archive<{ date: string }>>();

/**
 * Groups editions (each with its `YYYY-MM-DD` date) by year and month, newest first. The result is
 * kept per list of editions: every archive route asks for the same build's list, and groups it once.
 */
export function groupArchive<Edition extends { date: string }>(editions: readonly Edition[]): Archive<Edition> {
	const known = grouped.get(editions) as Archive<Edition> | undefined;
	if (known) return known;
	const newestFirst = [...editions].sort((a, b) => b.date.localeCompare(a.date));
	const months = [...Map.groupBy(newestFirst, (edition) => edition.date.slice(0, 7))].map(
		([month, monthEditions]): ArchiveMonth<Edition> => ({ month, year: month.slice(0, 4), editions: monthEditions }),
	);
	const years = [...Map.groupBy(months, (month) => month.year)].map(
		([year, yearMonths]): ArchiveYear<Edition> => ({
			year,
			months: yearMonths,
			editionCount: yearMonths.reduce((count, month) => count + month.editions.length, 0),
		}),
	);
	const archive = { years, months };
	grouped.set(editions, archive);
	return archive;
}

/** `2024` → `2024年`. */
export const formatArchiveYear = (year: string): string => `${Number(year)}年`;

/** `2024-09` → `2024年9月`, as the archive's headings print a month. */
export const formatArchiveMonth = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

