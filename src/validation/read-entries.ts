/**
 * Reads the content of a site root into entries, each file once: the site configuration, the
 * datasets, the editions and the stories, decoded (read-source.ts) and parsed by their schemas.
 * What stops a file from becoming an entry (a file in the wrong place, not UTF-8, malformed JSON,
 * YAML or MDX, a field the schema refuses) is a problem named here; what is wrong with valid
 * entries, alone or together, is the rules' to find (rules/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { contentText } from '../core/content-text.ts';
import { dirname, join } from 'node:path';
import { listFiles, realPathOutside } from '../core/list-files.ts';
import { SITE_LAYOUT } from '../config/site-layout.ts';
import { articleSchema } from '../schemas/article.ts';
import { datasetSchema } from '../schemas/dataset.ts';
import { editionSchema, type Edition } from '../schemas/edition.ts';
import { siteConfigSchema, type SiteConfig } from '../schemas/site.ts';
import { parseMdxBody } from './article-text.ts';
import type { DatasetEntry, Sourced, StoryEntry } from './entries.ts';
import { parseWithFriendlyErrors, type Locate } from '../core/parse-with-friendly-errors.ts';
import type { z } from 'astro/zod';
import type { Problem } from '../core/problem.ts';
import { readJson, readText, splitMdx } from '../loaders/read-source.ts';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

/** What reading a file gave: its entry, or the problems that stopped it. */
export type Entry<T> = { ok: true; entry: T } | { ok: false; problems: Problem[] };

/** The site configuration, or the problems that stopped it. */
export async function readSiteConfig(root: string): Promise<Entry<SiteConfig>> {
	const file = SITE_LAYOUT.config;
	if (!existsSync(join(root, file))) return { ok: false, problems: [{ file, field: '', message: 'missing; expected the site configuration file at the site root' }] };
	const read = await readJsonEntry(siteConfigSchema, root, file);
	return read.ok ? { ok: true, entry: read.entry.data } : read;
}

/** A JSON file of the site (its bytes, when already read) parsed by `schema`, with the `locate` that finds a field's line. */
async function readJsonEntry<S extends z.ZodType>(schema: S, root: string, file: string, bytes?: Buffer): Promise<Entry<{ data: z.output<S>; locate: Locate; source: unknown }>> {
	const read = await readJson(join(root, file), file, bytes);
	if (!read.ok) return read;
	const parsed = parseWithFriendlyErrors(schema, read.value, file, read.locate);
	return parsed.ok ? { ok: true, entry: { data: parsed.data, locate: read.locate, source: read.value } } : parsed;
}

/**
 * The files of `folder` (`content` or `data`) that `include` takes, relative to the site root;
 * a symbolic link to a file outside the folder is reported and left out: only the site's own files
 * are published. Only links are looked at, so a site without any costs nothing.
 */
export function listContentFiles(root: string, folder: string, include: (name: string) => boolean, problems: Problem[]): string[] {
	const links: string[] = [];
	return listFiles(join(root, folder), undefined, links)
		.filter(include)
		.filter((name) => {
			if (!links.includes(name)) return true;
			const real = realPathOutside(join(root, folder), join(root, folder, name));
			if (real === undefined) return true;
			problems.push({
				file: `${folder}/${name}`,
				field: '',
				message: `is a link to ${JSON.stringify(real)}, outside ${folder}/; expected the file itself inside ${folder}/ (only the site's own files are published)`,
				hint: `copy the file into ${folder}/ instead of linking to it`,
			});
			return false;
		})
		.map((name) => `${folder}/${name}`);
}

/** The dataset files of a site root (`data/*.json`, in subfolders too), relative to it. */
export const listDatasetFiles = (root: string, problems: Problem[]) => listContentFiles(root, SITE_LAYOUT.data, (name) => name.endsWith('.json'), problems);

/** The edition and story files of a site root (`content/<date>/edition.json`, `….mdx`), relative to it. */
export const listEditionAndStoryFiles = (root: string, problems: Problem[]) =>
	listContentFiles(root, SITE_LAYOUT.content, (name) => name.endsWith('.mdx') || name.endsWith(`/${SITE_LAYOUT.editionFile}`), problems);

/** The id a dataset file gives, or the problem with its name. */
export function datasetId(file: string): Entry<string> {
	const id = file.slice(`${SITE_LAYOUT.data}/`.length, -'.json'.length);
	if (ID_PATTERN.test(id)) return { ok: true, entry: id };
	return {
		ok: false,
		problems: [{ file, field: '', message: `the file name "${id}" is not a valid dataset id; expected lower-case letters, digits and hyphens, such as "erqi-governance.json"` }],
	};
}

/** A dataset file (its bytes) parsed by the dataset schema. */
export async function readDataset(root: string, file: string, id: string, bytes: Buffer): Promise<Entry<DatasetEntry>> {
	const read = await readJsonEntry(datasetSchema, root, file, bytes);
	return read.ok ? { ok: true, entry: { id, file, ...read.entry } } : read;
}

/** What a file of content/ is: an edition or a story, with its folder (the edition's date), or a problem. */
export function contentKind(file: string): Entry<{ kind: 'edition' | 'story'; folder: string; name: string }> {
	const name = file.slice(`${SITE_LAYOUT.content}/`.length);
	const folder = dirname(name);
	if (!DATE_FOLDER.test(folder)) {
		return {
			ok: false,
			problems: [{ file, field: '', message: `is in "${folder}"; expected editions and stories in a folder named after the edition date, such as content/2024-09-18/` }],
		};
	}
	return { ok: true, entry: { kind: name.endsWith(SITE_LAYOUT.editionFile) ? 'edition' : 'story', folder, name } };
}

/** An edition file (its bytes) parsed by the edition schema. */
export async function readEdition(root: string, file: string, bytes: Buffer): Promise<Entry<Sourced<Edition>>> {
	const read = await readJsonEntry(editionSchema, root, file, bytes);
	return read.ok ? { ok: true, entry: { file, data: read.entry.data, locate: read.entry.locate } } : read;
}

/** The story id of a story file's name (`2024-09-18/erqi-louyuan-zhili`), or the problem with its slug. */
export function storyId(file: string, name: string): Entry<string> {
	const id = name.slice(0, -'.mdx'.length);
	const slug = id.split('/').at(-1) ?? id;
	if (ID_PATTERN.test(slug)) return { ok: true, entry: id };
	return {
		ok: false,
		problems: [{ file, field: '', message: `the file name "${slug}" is not a valid story slug; expected lower-case letters, digits and hyphens, such as "erqi-louyuan-zhili.mdx"` }],
	};
}

/** A story file (its bytes): its frontmatter parsed by the article schema, its body as MDX. */
export async function readStory(root: string, file: string, id: string, bytes: Buffer): Promise<Entry<StoryEntry>> {
	const decoded = await readText(join(root, file), file, bytes);
	if (!decoded.ok) return decoded;
	const read = splitMdx(decoded.text, file);
	if (!read.ok) return read;
	const problems: Problem[] = [];
	const parsed = parseWithFriendlyErrors(articleSchema, read.frontmatter, file, read.locate);
	const body = parseMdxBody(read.body);
	if (!body.ok) {
		problems.push({
			file,
			line: body.line === undefined ? undefined : body.line + read.bodyLine - 1,
			field: 'body',
			message: `malformed MDX (${body.message}); expected valid MDX`,
			hint: 'close every <Tag> you open, and write a literal { or < as \\{ or \\<',
		});
	}
	if (!parsed.ok) problems.push(...parsed.problems);
	if (!parsed.ok || !body.ok) return { ok: false, problems };
	return {
		ok: true,
		entry: { id, file, data: parsed.data, locate: read.locate, frontmatter: read.frontmatter, body: read.body, tree: body.tree, bodyLine: read.bodyLine },
	};
}

/** A story file read again, synchronously, for its text: what a kept check did not keep. */
export function readStoryAgain(root: string, file: string): ReturnType<typeof splitMdx> {
	return splitMdx(contentText(readFileSync(join(root, file))), file);
}
