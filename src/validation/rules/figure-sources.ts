import { printedForms } from '../../figures/figures.ts';
import { didYouMeanPhrase } from '../../core/did-you-mean.ts';
import type { Dataset } from '../../schemas/dataset.ts';
import type { Figure } from '../../schemas/figure.ts';
import { quotedSentence } from '../article-text.ts';
import type { SiteInput, SourcedArticle } from '../entries.ts';
import { figureLikeNumbers, figureNumberPattern } from '../figure-numbers.ts';
import type { Rule } from '../rule.ts';

/**
 * A dataset figure quoted from a story (`source`) names a story that exists, quotes a whole
 * sentence of it verbatim, and prints the number that sentence prints. A figure whose value changed
 * since the sentence was copied is one cause, reported once: what printed its old number too (the
 * story's headline, a chart's title) is withdrawn in its favour.
 */
export const figureSources: Rule<SiteInput> = {
	name: 'figure-sources',
	description: "a dataset figure's source names a story that holds its sentence whole, printing the figure's number",
	check({ site, failed, unprinted }, report) {
		const missing = new Set<string>();
		for (const [datasetId, dataset] of site.datasets) {
			dataset.data.figures.forEach((figure, index) => {
				const at = (...path: PropertyKey[]) => dataset.locate(['figures', index, ...path]);
				// Figures of a dataset with an outside origin were not printed in a story.
				if (!figure.source) return;
				const article = site.articles.get(figure.source.article);
				if (!article && site.present.articles.has(figure.source.article)) return;
				if (!article) {
					report.problem({
						file: dataset.file,
						line: at('source', 'article'),
						field: `figures[${index}].source.article`,
						message: `received "${figure.source.article}";${didYouMeanPhrase(figure.source.article, site.present.articles)} expected the id of a story, such as "${[...site.articles.keys()][0] ?? '2024-09-18/story-slug'}"`,
					});
					return;
				}
				// A story with problems of its own (a misspelt <Num> prints nothing) is checked only for
				// what they cannot explain: a changed value.
				const storyFailed = failed.has(figure.source.article);
				const sentence = figure.source.sentence.trim();
				// Looked for with Chinese punctuation full-width on both sides, quoted as the dataset writes it.
				const looked = quotedSentence(sentence);
				const quote = article.quotes.get(looked);
				if (typeof quote === 'string') {
					if (storyFailed) return;
					report.problem({
						file: dataset.file,
						line: at('source', 'sentence'),
						field: `figures[${index}].source.sentence`,
						message: `figure "${figure.id}": received a fragment of a sentence of ${article.file} ("${sentence}"); expected the whole sentence: "${quote}"`,
						hint: 'copy the whole sentence, from the end of the sentence before it to its own 。',
					});
					return;
				}
				if (!quote) {
					// One sentence quoted by several figures is one cause: reported once.
					const key = `${figure.source.article}\n${sentence}`;
					if (missing.has(key)) return;
					missing.add(key);
					const changed = changedFigure(dataset.data, article, looked);
					if (changed) {
						// The story's headline or summary printing the old number follows from the same change.
						const followers = unprinted.filter(
							(entry) => (entry.article === figure.source!.article || entry.dataset === datasetId) && entry.printed === changed.was,
						);
						for (const follower of followers) report.withdraw(follower.problem);
						const places = [...new Set(followers.map((entry) => (entry.dataset ? `the ${entry.problem.field} of ${entry.problem.file}` : `its ${entry.problem.field}`)))];
						const also = places.length > 0 ? ` (${places.join(', ')} print "${changed.was}" too)` : '';
						report.problem({
							file: dataset.file,
							line: dataset.locate(['figures', changed.index, 'value']),
							field: `figures[${changed.index}].value`,
							message: `figure "${changed.id}": the data now prints "${changed.now}" where the story's sentence in ${article.file} printed "${changed.was}"${also}: "${sentence}"; expected the data and the story to agree`,
							hint: `the story prints this figure with <Num>, so it changed with the data: if the data is right, copy the sentence again with "${changed.now}"; if the story was right, correct the value`,
						});
						return;
					}
					if (storyFailed) return;
					report.problem({
						file: dataset.file,
						line: at('source', 'sentence'),
						field: `figures[${index}].source.sentence`,
						message: `figure "${figure.id}": the sentence no longer appears in ${article.file}; expected it verbatim: "${sentence}"`,
						hint: 'copy the sentence again from the story, or correct the story',
					});
					return;
				}
				const forms = printedForms(figure);
				if (!storyFailed && !forms.some((form) => sentence.includes(form))) {
					const printedThere = nearestNumberIn(sentence, figure);
					report.problem({
						file: dataset.file,
						line: at('value'),
						field: `figures[${index}].value`,
						message: `figure "${figure.id}": the data prints "${forms[0]}"${printedThere ? ` but its sentence in ${article.file} prints "${printedThere}"` : `, which is not in its sentence in ${article.file}`}: "${sentence}"`,
						hint: 'the dataset and the story disagree: correct whichever is wrong',
					});
				}
			});
		}
	},
};

/** The forms a figure's number can take in a sentence, a change's also without its words (5.1% of 同比下降5.1%). */
function sentenceForms(figure: Figure): string[] {
	const forms = printedForms(figure);
	if (figure.change) forms.push(...printedForms({ ...figure, change: undefined, value: Math.abs(figure.value) }));
	return forms;
}

/**
 * The figure whose changed value explains why a quoted sentence no longer appears in its story:
 * the story prints it with <Num>, so its sentence now reads with the new number.
 */
function changedFigure(dataset: Dataset, article: SourcedArticle, sentence: string): { index: number; id: string; was: string; now: string } | undefined {
	const { text } = article;
	const numbers = figureLikeNumbers(sentence, figureNumberPattern(dataset.figures.map((figure) => figure.unit)));
	for (const [index, figure] of dataset.figures.entries()) {
		for (const number of numbers) {
			for (const form of sentenceForms(figure)) {
				if (form === number.text) continue;
				const now = sentence.slice(0, number.index) + form + sentence.slice(number.index + number.text.length);
				if (text.includes(now)) return { index, id: figure.id, was: number.text, now: form };
			}
		}
	}
	return undefined;
}

/** The number in a sentence most like a figure's (its unit, nearest value), as printed there. */
function nearestNumberIn(sentence: string, figure: Figure): string | undefined {
	const numbers = figureLikeNumbers(sentence, figureNumberPattern([figure.unit])).filter((number) => number.unit === figure.unit);
	numbers.sort((a, b) => Math.abs(a.value - Math.abs(figure.value)) - Math.abs(b.value - Math.abs(figure.value)));
	return numbers[0]?.text;
}
