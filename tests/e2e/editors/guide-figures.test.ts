import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFigure, QUALIFIER_POSITIONS } from '../../../src/figures/figures.ts';
import { HOLIDAY_TOURISM_METRICS } from '../../../src/schemas/datasets/holiday-tourism.ts';
import { figureSchema } from '../../../src/schemas/figure.ts';
import { formatProblem } from '../../../src/core/problem.ts';
import { validateSite } from '../../../src/validation/validate-site.ts';
import { addNewsroomFixture, STORY } from '../../fixtures/newsroom-figures.ts';
import { copySampleSite, editFile, projectRoot } from '../../helpers/site-fixture.ts';

/** The editors' guide's tables of figures, scales, qualifiers and metrics, held to the code word for word. */
const guide = await readFile(join(projectRoot, 'docs/editors-guide.md'), 'utf8');

/** The rows of the table that follows a heading, as cells with their backticks removed. */
function tableAfter(heading: string): string[][] {
	const section = guide.slice(guide.indexOf(heading));
	const table = section.slice(heading.startsWith('|') ? 0 : section.indexOf('\n|')).split('\n\n')[0]!;
	return table
		.trim()
		.split('\n')
		.slice(2)
		.map((row) => row.split('|').slice(1, -1).map((cell) => cell.trim()));
}
const code = (cell: string) => cell.replace(/^`|`.*$/g, '').replace(/^`/, '');

let root: string | undefined;
afterAll(async () => {
	if (root) await rm(root, { recursive: true, force: true });
});

describe('the editors’ guide on figures', () => {
	it('its scale table prints as the guide says', () => {
		for (const [printed, value, scale, digits] of tableAfter('### 万与亿')) {
			const unit = printed!.replace(/^[\d.]+[万亿]?/, '');
			const figure = figureSchema.parse({ id: 'x', label: 'x', value: Number(code(value!)), unit, scale: JSON.parse(code(scale!)), fractionDigits: Number(code(digits!)) });
			expect(formatFigure(figure)).toBe(printed);
		}
	});

	it('its table of changes prints as the guide says, and each row is a valid figure', () => {
		const rows = tableAfter('| 见报 | `value` | `unit` | `change` |');
		expect(rows).toHaveLength(4);
		for (const [printed, value, unit, change] of rows) {
			const figure = figureSchema.parse({
				id: 'x',
				label: 'x',
				value: Number(code(value!)),
				unit: JSON.parse(code(unit!)),
				change: JSON.parse(code(change!)),
				fractionDigits: /\.(\d)/.exec(printed!) ? 1 : 0,
			});
			expect(formatFigure(figure)).toBe(printed);
		}
	});

	it('its qualifier table puts each qualifier where the code does', () => {
		const positions = { 数字前: 'before', '数字后、单位前': 'after-number', 单位后: 'after-unit' } as const;
		const listed: Record<string, string> = {};
		for (const [position, words] of tableAfter('### 限定词')) {
			for (const word of words!.match(/`([^`]+)`/g)!) listed[word.slice(1, -1)] = positions[position as keyof typeof positions];
		}
		expect(listed).toEqual(QUALIFIER_POSITIONS);
	});

	it('its metric table lists the metrics the code takes', () => {
		const listed = Object.fromEntries(tableAfter('### 指标').map(([metric, name]) => [code(metric!), name]));
		expect(listed).toEqual(HOLIDAY_TOURISM_METRICS);
	});

	it('its example of a wrong number in a kicker is what the check prints', async () => {
		root = await copySampleSite('broadsheet-guide-figures-');
		await addNewsroomFixture(root);
		await editFile(root, `content/${STORY}.mdx`, (text) => text.replace('kicker: 全省文旅市场持续升温', 'kicker: 全省接待游客1999.9万人次'));
		const site = await validateSite(root);
		expect(site.problems.map(formatProblem)).toHaveLength(1);
		expect(guide).toContain(formatProblem(site.problems[0]!));
	});
});
