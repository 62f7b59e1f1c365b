import type { Article } from '../schemas/article.ts';
import type { Edition, EditionPage } from '../schemas/edition.ts';
import type { SiteConfig } from '../schemas/site.ts';
import { publicationInstant } from '../schemas/iso-date.ts';
import { editionInstant, formatPageNumber, toShanghaiIso } from '../core/dates.ts';

/** A schema.org object, as plain JSON. */
export type JsonLd = Record<string, unknown>;

/**
 * JSON-LD for a `<script type="application/ld+json">`: `<`, `>` and `&` are escaped as JSON
 * unicode escapes, so text such as `</script>` in a headline cannot end the script element.
 */
export function serializeJsonLd(value: JsonLd): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

function periodical(site: SiteConfig, siteUrl: string): JsonLd {
	return { '@type': 'Periodical', name: site.name, url: siteUrl };
}

/** The edition as a schema.org PublicationIssue of the paper. */
export function publicationIssue(edition: Pick<Edition, 'date' | 'issue'>, site: SiteConfig, urls: { edition: string; site: string }): JsonLd {
	return {
		'@type': 'PublicationIssue',
		...(edition.issue === undefined ? {} : { issueNumber: String(edition.issue) }),
		datePublished: toShanghaiIso(editionInstant(edition.date)),
		url: urls.edition,
		isPartOf: periodical(site, urls.site),
	};
}

/**
 * When a story last changed: the latest of its update time and its corrections' dates, or its
 * publication time when it never changed. Compared as instants, written as the editor wrote it (+08:00).
 */
export function lastModified(article: Pick<Article, 'publishedAt' | 'updatedAt' | 'corrections'>): string {
	const candidates = [article.updatedAt, ...article.corrections.map((correction) => correction.date)].filter(
		(date): date is string => date !== undefined,
	);
	const instant = (date: string) => Date.parse(publicationInstant(date));
	return candidates.reduce((latest, date) => (instant(date) > instant(latest) ? date : latest), article.publishedAt);
}

/**
 * The publication as a schema.org NewsMediaOrganization, naming its corrections policy page
 * (`correctionsPolicy`) when the site configures one.
 */
export function newsMediaOrganizationJsonLd(site: SiteConfig, urls: { site: string; correctionsPolicy?: string }): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsMediaOrganization',
		name: site.name,
		url: urls.site,
		...(urls.correctionsPolicy ? { correctionsPolicy: urls.correctionsPolicy } : {}),
	};
}

/** Everything `newsArticleJsonLd` needs about one story. */
export interface NewsArticleInput {
	/** The story's frontmatter; its images are not read (the collection resolves them to files). */
	article: Omit<Article, 'images'>;
	edition: Pick<Edition, 'date' | 'issue'>;
	page: Pick<EditionPage, 'number' | 'name'>;
	site: SiteConfig;
	/** When the story last changed, if later than its own update and corrections (a figure it prints was corrected in its dataset). */
	dateModified?: string;
	/** Absolute URLs of the story, its edition, the site, the story's social card and the corrections policy (when configured). */
	urls: { article: string; edition: string; site: string; image: string; correctionsPolicy?: string };
}

/**
 * The NewsArticle JSON-LD Google News reads: headline, alternative headlines, Beijing-time dates,
 * one Person per reporter, where the story was printed (edition, page, section, column), and its
 * corrections (`correction`, with `dateModified` the latest of them).
 */
export function newsArticleJsonLd({ article, edition, page, site, urls, dateModified }: NewsArticleInput): JsonLd {
	const alternative = [article.kicker, article.subheadline].filter(Boolean).join(' ');
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		mainEntityOfPage: urls.article,
		url: urls.article,
		headline: article.headline,
		...(alternative ? { alternativeHeadline: alternative } : {}),
		description: article.summary,
		inLanguage: site.language,
		datePublished: publicationInstant(article.publishedAt),
		dateModified: publicationInstant(dateModified ?? lastModified(article)),
		author: article.byline.reporters.map((name) => ({ '@type': 'Person', name, jobTitle: '记者' })),
		...(article.byline.correspondents.length > 0
			? { contributor: article.byline.correspondents.map((name) => ({ '@type': 'Person', name, jobTitle: '通讯员' })) }
			: {}),
		publisher: {
			'@type': 'NewsMediaOrganization',
			name: site.name,
			url: urls.site,
			...(urls.correctionsPolicy ? { correctionsPolicy: urls.correctionsPolicy } : {}),
		},
		image: [urls.image],
		printEdition: edition.issue === undefined ? edition.date : `第${edition.issue}期`,
		printPage: formatPageNumber(page.number),
		printSection: page.name,
		...(article.column ? { printColumn: article.column } : {}),
		isPartOf: publicationIssue(edition, site, { edition: urls.edition, site: urls.site }),
		// schema.org's correction: one CorrectionComment per correction, oldest first, as the story prints them.
		...(article.corrections.length > 0
			? { correction: article.corrections.map((correction) => ({ '@type': 'CorrectionComment', datePublished: correction.date, text: correction.text })) }
			: {}),
	};
}
