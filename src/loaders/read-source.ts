import { readFile } from 'node:fs/promises';
import { findNodeAtLocation, type Node, parseTree, type ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { contentText } from '../core/content-text.ts';
import type { Locate } from '../core/parse-with-friendly-errors.ts';
import type { Problem } from '../core/problem.ts';

/** A source file decoded as text, or the problem that stopped it. */
type Read<T> = ({ ok: true } & T) | { ok: false; problems: Problem[] };

/** Strict: a byte that is not UTF-8 throws. The byte-order mark is kept, for `contentText` to strip. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a content file as UTF-8. A byte-order mark is accepted (Windows editors add one); a file in
 * another encoding, such as GBK, is refused with a message saying how to fix it.
 */
export async function readText(path: string, file: string, prefetched?: Buffer): Promise<Read<{ text: string }>> {
	const bytes = prefetched ?? (await readFile(path));
	try {
		const text = contentText(utf8.decode(bytes));
		if (text.trim() === '') {
			return { ok: false, problems: [{ file, field: '', message: 'the file is empty; expected its content' }] };
		}
		return { ok: true, text };
	} catch {
		return {
			ok: false,
			problems: [
				{
					file,
					field: '',
					message: 'the file is not valid UTF-8 (it may have been saved as GBK); expected UTF-8 text',
					hint: 'save it again as "UTF-8" in your editor',
				},
			],
		};
	}
}

/** Line number (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let index = 0; index < offset && index < text.length; index++) if (text.charCodeAt(index) === 10) line++;
	return line;
}

/** Parses a JSON file strictly, with a `locate` that finds the line of any field path. */
export async function readJson(path: string, file: string, prefetched?: Buffer): Promise<Read<{ value: unknown; locate: Locate }>> {
	const read = await readText(path, file, prefetched);
	if (!read.ok) return read;
	const text = read.text;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		// JSON.parse says what is wrong but not on which line; jsonc-parser, in its strict mode, does.
		const errors: ParseError[] = [];
		parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
		const [error] = errors;
		return {
			ok: false,
			problems: [
				{
					file,
					line: error ? lineAt(text, error.offset) : undefined,
					field: '',
					message: `malformed JSON (${error ? printParseErrorCode(error.error) : 'not valid JSON'}); expected valid JSON`,
					hint: 'look for a missing comma, quote or bracket on this line or the one before',
				},
			],
		};
	}
	// The syntax tree is only needed to say where a problem is, which most files never have.
	let tree: Node | undefined | null = null;
	const locate: Locate = (fieldPath) => {
		if (tree === null) tree = parseTree(text);
		for (let length = fieldPath.length; length >= 0 && tree; length--) {
			const node = findNodeAtLocation(tree, fieldPath.slice(0, length) as (string | number)[]);
			if (node) return lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
		}
		return undefined;
	};
	return { ok: true, value, locate };
}

/** An MDX file split into its YAML frontmatter and its body. */
export interface MdxSource {
	frontmatter: unknown;
	locate: Locate;
	body: string;
	/** The line of the file on which the body starts. */
	bodyLine: number;
}

/**
 * Splits the text of an MDX story (decoded by `contentText`, without its byte-order mark) into its
 * frontmatter (YAML between `---` lines), parsed, and its body. The check and the story loader
 * (src/loaders/story-loader.ts) both split stories here.
 */
export function splitMdx(text: string, file: string): Read<MdxSource> {
	const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
	if (!match) {
		return {
			ok: false,
			problems: [
				{
					file,
					line: 1,
					field: '',
					message: 'no frontmatter; expected the story to start with a "---" line, its fields, and a closing "---" line',
					hint: 'copy the frontmatter of a story in content/2024-09-18/ as a starting point',
				},
			],
		};
	}
	const lineCounter = new LineCounter();
	const document = parseDocument(match[1], { lineCounter, prettyErrors: false, uniqueKeys: true });
	if (document.errors.length > 0) {
		const [error] = document.errors;
		return {
			ok: false,
			problems: [
				{
					file,
					line: lineCounter.linePos(error.pos[0]).line + 1,
					field: '',
					message: `the frontmatter is not valid YAML (${error.message.split('\n')[0]}); expected "field: value" lines`,
				},
			],
		};
	}
	const locate: Locate = (fieldPath) => {
		for (let length = fieldPath.length; length >= 0; length--) {
			const node = length === 0 ? document.contents : document.getIn(fieldPath.slice(0, length), true);
			const range = (node as { range?: [number, number] } | undefined)?.range;
			if (range) {
				// Point at the key rather than the value where the value is a nested block.
				const offset = length > 0 && isMap(document.contents) ? findKeyOffset(document, fieldPath.slice(0, length)) ?? range[0] : range[0];
				return lineCounter.linePos(offset).line + 1;
			}
		}
		return 1;
	};
	const frontmatterLines = match[0].split('\n').length - 1;
	return {
		ok: true,
		frontmatter: document.toJS(),
		locate,
		body: text.slice(match[0].length),
		bodyLine: frontmatterLines + 1,
	};
}

function findKeyOffset(document: ReturnType<typeof parseDocument>, fieldPath: ReadonlyArray<PropertyKey>): number | undefined {
	const parent = fieldPath.length === 1 ? document.contents : document.getIn(fieldPath.slice(0, -1), true);
	if (!isMap(parent)) return undefined;
	const key = fieldPath.at(-1);
	const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
	return (pair?.key as { range?: [number, number] } | undefined)?.range?.[0];
}
