import { describe, expect, it } from 'vitest';
import { compileStory, storyComponents, storyParts } from '../../src/stories/compile-story.ts';

describe('compiling a story body', () => {
	it('writes Markdown as Astro’s MDX pipeline does: GFM, smart punctuation, heading ids, safe external links', async () => {
		const html = await compileStory(
			['## 小标题一', '', '他说 "好" -- 对。', '', '| 区 | 人次 |', '| --- | --- |', '| 荥阳 | 40 |', '', '[链接](https://example.com/a) 与 [站内](/data/)'].join('\n'),
		);
		expect(html).toContain('<h2 id="小标题一">小标题一</h2>');
		expect(html).toContain('他说 “好” — 对。');
		expect(html).toContain('<table>');
		expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer">链接</a>');
		expect(html).toContain('<a href="/data/">站内</a>');
	});

	it('keeps the allowed inline HTML and turns components into placeholders the page fills in', async () => {
		const html = await compileStory(
			'接待游客<Num dataset="tourism" figure="visitors" />，观剧人次近<Num dataset="tourism" figure="shows" bare />。H<sub>2</sub>O\n\n<Chart dataset="tourism" chart="by-place" />\n\n后记。',
		);
		expect(html).toContain('H<sub>2</sub>O');
		expect(storyComponents(html)).toEqual([
			{ kind: 'num', dataset: 'tourism', figure: 'visitors', bare: false },
			{ kind: 'num', dataset: 'tourism', figure: 'shows', bare: true },
			{ kind: 'chart', dataset: 'tourism', chart: 'by-place' },
		]);
		const parts = storyParts(html, ({ figure, bare }) => `[${figure}${bare ? ' bare' : ''}]`);
		expect(parts).toEqual([
			{ html: '<p>接待游客[visitors]，观剧人次近[shows bare]。H<sub>2</sub>O</p>\n' },
			{ chart: { dataset: 'tourism', chart: 'by-place' } },
			{ html: '\n<p>后记。</p>' },
		]);
	});

	it('refuses what validation refuses, rather than dropping it silently', async () => {
		await expect(compileStory('{1 + 1}')).rejects.toThrow('received a {…} expression; expected none');
		await expect(compileStory('import x from "y"\n\n正文')).rejects.toThrow('received an import or export');
		await expect(compileStory('<Map place="郑州" />')).rejects.toThrow('received the component <Map>; expected one of <Num>, <Chart>');
		await expect(compileStory('<Num dataset="a" />')).rejects.toThrow('<Num>: missing figure; expected figure="…"');
	});

	it('emits no address with a scheme other than http(s) or mailto:, whichever syntax wrote it, and says where it is', async () => {
		await expect(compileStory('正文\n\n![图](javascript:alert(1))')).rejects.toThrow(
			'received the image "javascript:alert(1)" at line 3, column 1 of the body; expected an http(s) or mailto: address, or an address on this site (the javascript: scheme is not allowed)',
		);
		for (const body of ['[点](javascript:alert(1))', '[点](VBScript:x)', '[点][r]\n\n[r]: data:text/html,x', '![图][r]\n\n[r]: javascript:alert(1)']) {
			await expect(compileStory(body), body).rejects.toThrow(/; expected an http\(s\) or mailto: address/);
		}
		const html = await compileStory('[站内](/data/) [注](#n) ![图](./a.png) https://example.org/ www.example.org [信](mailto:a@example.org)');
		expect(html).toContain('<img src="./a.png"');
		expect(html).toContain('href="mailto:a@example.org"');
	});
});
