/**
 * A schematic of a printed page (版面示意), for pages without a scan: the page's stories as blocks
 * in print order, each sized by the story's length and showing the story's first chart. It is
 * drawn from the stories, never from an image of the page, and the page view says so.
 */
import { readFileSync } from 'node:fs';
import { cacheStore } from '../cache/registry.ts';
import { storyComponents } from '../stories/compile-story.ts';
import { readCompiledStory } from '../stories/story-cache.ts';
import type { ArticleEntry, IndexedPage } from './edition-index.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';

/** One story's block on the schematic. */
export interface SchematicBlock {
	article: ArticleEntry;
	/** How tall the block is drawn, from 1 (a brief) to 4 (a long lead story), by the story's length. */
	size: 1 | 2 | 3 | 4;
	/** The first chart the story places, drawn small in its block. */
	chart?: { dataset: string; chart: string };
}

/** Characters of text (without markup) at which a block grows a size: a brief, a story, a long story, a feature. */
const SIZE_STEPS = [500, 1000, 2000];

/** The number of characters of text a compiled story holds, markup and placeholders left out. */
export function textLength(html: string): number {
	return html.replace(/<[^>]*>/g, '').replace(/\s+/g, '').length;
}

/** A story's block size from its length in characters. */
export function blockSize(characters: number): SchematicBlock['size'] {
	return (1 + SIZE_STEPS.filter((step) => characters >= step).length) as SchematicBlock['size'];
}

const blocks = new WeakMap<ArticleEntry, SchematicBlock>();

/** A block as kept between builds, by the story's content hash: its size and its chart. */
type CachedBlock = [size: SchematicBlock['size'], dataset?: string, chart?: string];

/**
 * Blocks worked out in earlier builds, by story content hash: a build reads the compiled body of a
 * story only when the story changed, not every story of the archive for its page's schematic.
 */
const store = () => cacheStore('schematics');
const cachedFile = () => store().file('blocks.json');
let kept: Record<string, CachedBlock> | undefined;
const used: Record<string, CachedBlock> = {};

function cachedBlocks(): Record<string, CachedBlock> {
	if (!kept) {
		try {
			// Kept only for the same code (this module's import closure): blocks worked out by other code are worked out again.
			const file = JSON.parse(readFileSync(cachedFile(), 'utf8')) as { code: string; blocks: Record<string, CachedBlock> };
			kept = file.code === store().code ? file.blocks : {};
		} catch {
			kept = {};
		}
	}
	return kept;
}

/** A story's block from its compiled body: its size, and the chart it places first. */
function blockOf(html: string): CachedBlock {
	const chart = storyComponents(html).find((component) => component.kind === 'chart');
	return chart?.kind === 'chart' ? [blockSize(textLength(html)), chart.dataset, chart.chart] : [blockSize(textLength(html))];
}

/** The block of one story, worked out once per build for its page view and its edition's thumbnails. */
function storyBlock(article: ArticleEntry): SchematicBlock {
	let block = blocks.get(article);
	if (!block) {
		const digest = String(article.digest);
		const value = cachedBlocks()[digest] ?? blockOf(readCompiledStory(digest) ?? '');
		used[digest] = value;
		const [size, dataset, chart] = value;
		block = { article, size, ...(dataset && chart ? { chart: { dataset, chart } } : {}) };
		blocks.set(article, block);
	}
	return block;
}

/** Keeps the blocks of this build's stories, and only those, for the next build; each route drawing schematics calls it. */
export function keepSchematicBlocks(): void {
	writeFileAtomically(cachedFile(), JSON.stringify({ code: store().code, blocks: used }));
}

/** The schematic of a page: its stories' blocks in print order. */
export function pageSchematic(page: IndexedPage): SchematicBlock[] {
	return page.articles.map(storyBlock);
}

/**
 * What a schematic shows besides the stories' frontmatter, for the cache key of a page showing it:
 * each block's size and chart. A correction to a story's text re-renders the schematic only when it
 * changes the block's size.
 */
export function schematicKey(schematic: SchematicBlock[]): unknown[] {
	return schematic.map(({ article, size, chart }) => [article.id, size, chart?.dataset, chart?.chart]);
}
