import { describe, expect, it } from 'vitest';
import { horizontalBar } from '../../src/charts/index.ts';
import { figure, message } from './svg-testing.ts';

const options = { idPrefix: 't', title: '测试图表', description: '测试用的数字。' };
const draw = (label: string) => () => horizontalBar([{ ...figure(5, '个'), label }], options);

describe('text a chart prints follows the schemas’ rule (src/core/plain-text.ts)', () => {
	it('a label of zero-width characters only is no label', () => {
		expect(message(draw('\u200b\u200c\u200d\u2060'))).toMatch(/^horizontalBar: rows\[0\].*\.label: received ".*"; expected some text$/);
	});

	it('control characters, non-characters and bidirectional controls are refused', () => {
		expect(message(draw('组织\uFFFE'))).toMatch(/rows\[0\] \("组织.*"\)\.label: received .*; expected text without control characters/);
		expect(message(draw('组织\u0008'))).toMatch(/expected text without control characters/);
		expect(message(draw('收入\u202E3440'))).toMatch(/rows\[0\] \(.*\)\.label: received .*; expected text without bidirectional controls, which reorder what readers see/);
	});
});
