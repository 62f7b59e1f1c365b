import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentText } from '../core/content-text.ts';
import { SITE_LAYOUT } from '../config/site-layout.ts';
import { editionSchema } from '../schemas/edition.ts';
import { PLACEHOLDER } from '../validation/placeholders.ts';
import { ScaffoldError, type Scaffolded } from './scaffold-error.ts';

/** What `npm run new -- article` is told. */
export interface NewArticleOptions {
	edition?: string;
	page?: string;
	slug?: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The story file: every frontmatter field, each explained in a comment in the editors' language,
 * and placeholders (【待填】) where the editor writes. It is a draft, so it is valid and builds from
 * the first run, and nothing of it is published until the editor sets `draft: false`.
 */
function articleMdx(edition: string, page: number, slug: string): string {
	const P = PLACEHOLDER;
	return `---
# 新稿件 ${edition}/${slug}，网址 /${edition}/${String(page).padStart(2, '0')}/${slug}/
# 每个字段上方的注释说明它的用途。把写有 ${P} 的地方换成你的内容；可选字段不用就整行删去。
# 写完运行 npm run check，它会列出还没填的地方。说明见 docs/editors-guide.md。

# 期次：见报日期，须与稿件所在文件夹同名。
edition: "${edition}"
# 版面号：须是本期 edition.json 中的一个版面（第05版写 5）。
page: ${page}
# 在本版的顺序，1 为头条。可选。
position: 1
# 栏目，如 文旅看台。可选。
column: ${P}栏目
# 引题，印在主题上方。可选。
kicker: ${P}引题
# 主题（标题）。必填。
headline: ${P}主题
# 副题，印在主题下方。可选。
subheadline: ${P}副题
# 署名：记者、通讯员按见报顺序书写，如 [刘伟平, 朱翔宇]；没有通讯员就写 []。
byline:
  reporters: [${P}记者]
  correspondents: []
  # 分工，见报时印在署名后：文、图 或 文/图。可选，去掉行首的 # 即可使用。
  # credit: 文/图
# 电头，正文以它开头，署名放在其后的括号里。可选。
dateline: 本报讯
# 导语：一两句话，用于列表、订阅和搜索结果。必填。
summary: ${P}一两句导语。
# 本稿数字所用的数据集：data/ 下的文件名（不含 .json）。
# 用 npm run new -- dataset … --article ${edition}/${slug} 新建数据集时会自动加在这里。
datasets: []
# 图片，按见报顺序。每张图的 alt（图片内容的文字描述）发布前必填。示例：
#   - file: ./photos/${slug}-1.jpg   # 图片文件，放在稿件旁；没有原图就删去这一行，网页显示占位图
#     alt: 图片内容的文字描述
#     caption: 图说
#     credit: 记者 某某 摄
images: []
# 主题、引题、副题、导语、图说里不是数据的数字（如 12345热线），照原文列出；其余数字都要和数据集一致。
notFigures: []
# 首次发布时间（北京时间，须带 +08:00）。
publishedAt: "${edition}T06:00:00+08:00"
# 最后修改时间，从未修改就不写。可选，去掉行首的 # 即可使用。
# updatedAt: "${edition}T15:30:00+08:00"
# 更正：发布后改正错误时，在这里按时间先后记下日期和说明，网页在正文上方显示“更正”。示例：
#   - date: "${edition}T18:00:00+08:00"
#     text: 本文原称……，应为……。
corrections: []
# 草稿：true 时只在 npm run dev 中显示，正式构建（npm run build）不发布。写好后改为 false。
draft: true
---

${P}第一段：写最重要的事实。

## ${P}小标题

${P}正文。
`;
}

/**
 * `npm run new -- article --edition <date> --page <n> --slug <slug>`: creates
 * `content/<date>/<slug>.mdx`, a draft story on that page of an existing edition.
 */
export async function newArticle(root: string, options: NewArticleOptions): Promise<Scaffolded> {
	const usage = 'npm run new -- article --edition 2024-09-19 --page 5 --slug xinzheng-zhongqiu';
	const { edition, slug } = options;
	if (!edition || !/^\d{4}-\d{2}-\d{2}$/.test(edition)) {
		throw new ScaffoldError(`--edition: received ${edition ? `"${edition}"` : 'nothing'}; expected the edition's date as YYYY-MM-DD`, usage);
	}
	if (!slug || !SLUG.test(slug)) {
		throw new ScaffoldError(
			`--slug: received ${slug ? `"${slug}"` : 'nothing'}; expected lower-case letters, digits and hyphens, such as "xinzheng-zhongqiu" (it becomes the story's address)`,
			usage,
		);
	}
	const page = Number(options.page);
	if (!Number.isInteger(page) || page < 1) {
		throw new ScaffoldError(`--page: received ${options.page ? `"${options.page}"` : 'nothing'}; expected the page number, such as 5 for 第05版`, usage);
	}
	const editionFile = join(root, SITE_LAYOUT.content, edition, SITE_LAYOUT.editionFile);
	if (!existsSync(editionFile)) {
		throw new ScaffoldError(`there is no edition ${edition} (content/${edition}/edition.json); expected an existing edition`, `npm run new -- edition ${edition}`);
	}
	const parsed = editionSchema.safeParse(JSON.parse(contentText(await readFile(editionFile))));
	if (parsed.success && !parsed.data.pages.some((candidate) => candidate.number === page)) {
		const pages = parsed.data.pages.map((candidate) => candidate.number).join(', ');
		throw new ScaffoldError(
			`--page: received ${page}; expected one of the pages of edition ${edition}: ${pages}`,
			`add page ${page} to content/${edition}/edition.json, or choose another page`,
		);
	}
	const file = `${SITE_LAYOUT.content}/${edition}/${slug}.mdx`;
	if (existsSync(join(root, file))) throw new ScaffoldError(`${file} already exists; expected a new story`, 'choose another --slug, or edit the existing file');
	await writeFile(join(root, file), articleMdx(edition, page, slug));
	return {
		file,
		notes: [
			`a draft: npm run dev shows it; npm run build publishes it once you set draft: false`,
			`fill in the fields marked ${PLACEHOLDER}; npm run check lists the ones left`,
		],
	};
}
