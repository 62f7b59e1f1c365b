import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, copySampleSite } from '../../helpers/site-fixture.ts';

const ROWS = 100_000;
let root: string | undefined;

afterAll(async () => {
	if (root) await rm(root, { recursive: true, force: true });
});

describe('a dataset of 100,000 rows', () => {
	it('builds within a 1.5 GB heap, and its page summarises the table instead of printing every row', async () => {
		root = await copySampleSite('broadsheet-large-');
		// A statistics bureau's table: figures from an outside publication, so no per-figure provenance.
		const figures = Array.from({ length: ROWS }, (_, index) => ({
			id: `household-${index + 1}`,
			label: `第${index + 1}号楼院登记住户`,
			value: (index * 7919) % 1000,
			unit: '户',
		}));
		await writeFile(
			join(root, 'data/household-registry.json'),
			JSON.stringify({
				kind: 'governance',
				title: '楼院登记住户（压力测试用数据）',
				region: '二七区',
				origin: { name: '测试用生成数据' },
				figures,
			}),
		);
		const outDir = join(root, 'dist');
		const result = await buildSite(root, outDir, { NODE_OPTIONS: '--max-old-space-size=1536' });
		expect(result.code, result.stderr).toBe(0);

		const page = await readFile(join(outDir, 'data/household-registry/index.html'), 'utf8');
		expect(page).toContain(`共 ${ROWS} 项数字，此处列出前 200 项`);
		expect(page.match(/<tr id="figure-/g)).toHaveLength(200);
		expect((await stat(join(outDir, 'data/household-registry/index.html'))).size).toBeLessThan(200_000);
		expect(page).toContain('测试用生成数据');

		const csv = await readFile(join(outDir, 'data/household-registry.csv'), 'utf8');
		expect(csv.trim().split('\r\n')).toHaveLength(ROWS + 1);
	}, 600_000);
});
