import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockHeight, boxesOverlap, centredBaseline, textBox, textWidth, wrapText } from '../../src/charts/text-metrics.ts';

// 40 characters, as long as a dataset label gets (纳入基层治理队伍的多元力量 and its like).
const FORTY = '纳入基层治理队伍范畴的社区工作者五老人员物业楼栋院长新就业群体和志愿者等多元力量';

describe('textWidth', () => {
	it('textWidth(text, fontSize) counts a Han character as 1em and a digit as 0.7em', () => {
		expect(textWidth('网格', 14)).toBe(28);
		expect(textWidth('6281', 10)).toBe(28);
		expect(textWidth('40.389万人次', 10)).toBeCloseTo(5 * 7 + 3.8 + 30);
	});

	it('textWidth(text, fontSize) gives full-width punctuation and the curly quotes of CJK fonts a whole em', () => {
		expect(textWidth('“三类组织”（党组织）', 10)).toBe(110);
	});

	it('textWidth(text, fontSize) is 0 for empty text', () => {
		expect(textWidth('', 14)).toBe(0);
	});
});

describe('wrapText', () => {
	it('wrapText(text, maxWidth, fontSize) keeps a short label on one line', () => {
		expect(wrapText('志愿服务组织', 100, 14)).toEqual(['志愿服务组织']);
	});

	it('wrapText(text, maxWidth, fontSize) wraps a 40-character label onto several lines, none wider than maxWidth', () => {
		expect([...FORTY]).toHaveLength(40);
		const lines = wrapText(FORTY, 358, 14);
		expect(lines).toEqual(['纳入基层治理队伍范畴的社区工作者五老人员物业楼栋院', '长新就业群体和志愿者等多元力量']);
		for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(358);
		expect(lines.join('')).toBe(FORTY);
	});

	it('wrapText(text, maxWidth, fontSize) never splits a number across lines', () => {
		const lines = wrapText('全市旅游接待游客40.389万人次', 14 * 9, 14);
		expect(lines).toEqual(['全市旅游接待游客', '40.389万人次']);
	});

	it('wrapText(text, maxWidth, fontSize) keeps closing punctuation off the start of a line and opening punctuation off its end', () => {
		// At 6em a line the break would fall before “，”; at 4em, after “（”.
		expect(wrapText('楼院事网格办，有问题网格解', 84, 14)).toEqual(['楼院事网格', '办，有问题网', '格解']);
		expect(wrapText('村社区（党群）', 56, 14)).toEqual(['村社区', '（党群）']);
	});

	it('wrapText(text, maxWidth, fontSize) breaks Latin text at spaces and drops the spaces there', () => {
		expect(wrapText('Zhengzhou Fantawild Adventure', 14 * 7, 14)).toEqual(['Zhengzhou', 'Fantawild', 'Adventure']);
	});

	it('wrapText(text, maxWidth, fontSize) splits a word too long for any line between characters', () => {
		const lines = wrapText('https://example.org/a-very-long-address', 60, 10);
		for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(60);
		expect(lines.join('')).toBe('https://example.org/a-very-long-address');
	});

	it('wrapText(text, maxWidth, fontSize) loses no character and never exceeds the width', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom(...'网格楼院中牟县（）“”，。、·ABC xyz0123.45%'), maxLength: 80 }), fc.integer({ min: 20, max: 400 }), (text, maxWidth) => {
				const lines = wrapText(text, maxWidth, 14);
				expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
				for (const line of lines) {
					// A single character wider than the line is the only thing allowed to stick out.
					if ([...line].length > 1) expect(textWidth(line, 14)).toBeLessThanOrEqual(maxWidth);
					expect(line).toBe(line.trim());
				}
			}),
		);
	});

	it('wrapText(text, maxWidth, fontSize) refuses a width of 0', () => {
		expect(() => wrapText('网格', 0, 14)).toThrow('invalid wrap width or font size: 0, 14');
	});
});

describe('text boxes', () => {
	it('textBox(text, x, y, fontSize, anchor) places the box by its anchor around the baseline', () => {
		expect(textBox('网格', 100, 50, 10, 'start')).toEqual({ left: 100, top: 41.2, right: 120, bottom: 52 });
		expect(textBox('网格', 100, 50, 10, 'middle')).toMatchObject({ left: 90, right: 110 });
		expect(textBox('网格', 100, 50, 10, 'end')).toMatchObject({ left: 80, right: 100 });
	});

	it('centredBaseline(middle, fontSize) centres the box on middle', () => {
		const box = textBox('网格', 0, centredBaseline(30, 10), 10);
		expect((box.top + box.bottom) / 2).toBeCloseTo(30);
	});

	it('blockHeight(lines, fontSize) leaves the lines of a wrapped label clear of each other', () => {
		const first = textBox('网格', 0, 20, 14);
		const second = textBox('网格', 0, 20 + 1.3 * 14, 14);
		expect(boxesOverlap(first, second)).toBe(false);
		expect(blockHeight(2, 14)).toBeCloseTo(second.bottom - first.top);
		expect(blockHeight(0, 14)).toBe(0);
	});

	it('boxesOverlap(a, b) does not count touching edges', () => {
		expect(boxesOverlap({ left: 0, top: 0, right: 10, bottom: 10 }, { left: 10, top: 0, right: 20, bottom: 10 })).toBe(false);
		expect(boxesOverlap({ left: 0, top: 0, right: 10, bottom: 10 }, { left: 9, top: 9, right: 20, bottom: 20 })).toBe(true);
	});
});
