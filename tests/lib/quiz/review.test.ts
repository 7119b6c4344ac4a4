import fc from 'fast-check';
import { Rating } from 'ts-fsrs';
import { describe, expect, test } from 'vitest';
import { translator } from '../../../src/lib/i18n/strings';
import { daysBetween, plural, whenText } from '../../../src/lib/quiz/due';
import {
	emptyProgress,
	recordReview,
	type Grade,
	type ReviewLog,
} from '../../../src/lib/quiz/progress';
import {
	cardOf,
	countDue,
	dueToday,
	nextDue,
	scheduleAll,
	startOfNextDay,
} from '../../../src/lib/quiz/review';
import { question } from './fixtures';

const day = 24 * 60 * 60 * 1000;
/** A moment in the device's time zone, so that "today" is the same day wherever the tests run. */
const local = (date: number, hour = 10) => new Date(2025, 0, date, hour).getTime();
const logs = (...entries: [number, Grade][]): ReviewLog[] =>
	entries.map(([at, grade]) => ({ at, grade }));

describe('cardOf()', () => {
	test('the grades stored are those of ts-fsrs', () => {
		expect([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]).toEqual([1, 2, 3, 4]);
	});

	test('no graded answer, no card', () => {
		expect(cardOf([])).toBeUndefined();
		expect(nextDue([])).toBeUndefined();
	});

	test.each<[Grade, number]>([
		[1, 1],
		[2, 2],
		[3, 3],
		[4, 8],
	])('a first answer of grade %i comes back %i days later', (grade, days) => {
		const at = local(6);
		expect(nextDue(logs([at, grade]))).toBe(at + days * day);
	});

	test('each right answer on its day sends the question further away; a wrong one brings it back', () => {
		const first = local(6);
		const second = first + 3 * day;
		const afterTwo = nextDue(logs([first, 3], [second, 3]))!;
		expect(afterTwo - second).toBe(14 * day);
		const afterLapse = nextDue(logs([first, 3], [second, 3], [afterTwo, 1]))!;
		expect(afterLapse - afterTwo).toBe(2 * day);
	});

	test('the history is read in time order, whatever order it is stored in', () => {
		const history = logs([local(6), 3], [local(9), 3], [local(23), 1]);
		expect(nextDue([...history].reverse())).toBe(nextDue(history));
	});

	test('never throws, and never sends a question back before its last answer', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
						grade: fc.constantFrom<Grade>(1, 2, 3, 4),
					}),
					{ minLength: 1, maxLength: 30 }
				),
				(history) => {
					const due = nextDue(history);
					expect(due).toBeDefined();
					expect(due!).toBeGreaterThan(Math.max(...history.map((log) => log.at)));
				}
			)
		);
	});
});

describe('the schedule of the whole course', () => {
	const [a, b, c] = ['a', 'b', 'c'].map((id) =>
		question('truefalse', { id: `q-${id}`, answer: true })
	) as [
		ReturnType<typeof question<'truefalse'>>,
		ReturnType<typeof question<'truefalse'>>,
		ReturnType<typeof question<'truefalse'>>,
	];
	let progress = recordReview(emptyProgress(), a.id, 3, local(6)); // due on the 9th at 10:00
	progress = recordReview(progress, b.id, 1, local(7)); // due on the 8th at 10:00
	progress = recordReview(progress, 'gone-from-the-banks', 1, local(1));

	test('lists every answered question of the banks, soonest first, and none other', () => {
		expect(scheduleAll(progress, [a, b, c]).map((item) => [item.question.id, item.due])).toEqual([
			[b.id, local(8)],
			[a.id, local(9)],
		]);
	});

	test.each([
		['the day before anything is due', local(7, 23), []],
		['early on the day a question is due, before its hour', local(8, 0), ['q-b']],
		['two days on', local(9, 20), ['q-b', 'q-a']],
	])('due today, %s', (_, now, ids) => {
		expect(dueToday(progress, [a, b, c], now).map((item) => item.question.id)).toEqual(ids);
		expect(countDue(progress, new Set([a.id, b.id, c.id]), now)).toBe(ids.length);
	});

	test('the home page counts only the questions the banks still have', () => {
		expect(countDue(progress, new Set([a.id]), local(20))).toBe(1);
	});

	test('a day ends at midnight, in the device’s time zone', () => {
		expect(startOfNextDay(local(6, 10))).toBe(local(7, 0));
		expect(startOfNextDay(local(6, 0))).toBe(local(7, 0));
		expect(startOfNextDay(new Date(2025, 0, 31, 23, 59).getTime())).toBe(local(32, 0));
	});
});

describe('what the learner reads', () => {
	const strings = {
		'x.due.one': '{count} domanda',
		'x.due.other': '{count} domande',
	};
	const t = translator(strings);

	test.each([
		[0, 'it', '0 domande'],
		[1, 'it', '1 domanda'],
		[2, 'it', '2 domande'],
		[1200, 'it', '1200 domande'],
		[1, 'en', '1 domanda'],
	] as const)('%i in %s: %s', (count, lang, text) => {
		expect(plural(t, 'x.due', count, lang)).toBe(
			text.replace('1200', new Intl.NumberFormat(lang).format(1200))
		);
	});

	test('when a question comes back: today, tomorrow, or in some days with the date', () => {
		expect(whenText(local(6, 23), local(6, 8), 'it')).toBe('oggi');
		expect(whenText(local(2), local(6), 'en')).toBe('today');
		expect(whenText(local(7, 9), local(6, 20), 'it')).toMatch(/^domani \(martedì 7 gennaio\)$/);
		expect(whenText(local(9), local(6), 'it')).toMatch(/^tra 3 giorni \(giovedì 9 gennaio\)$/);
		expect(whenText(local(9), local(6), 'en')).toMatch(
			/^in 3 days \(Thursday,? (9 January|January 9)\)$/
		);
		expect(daysBetween(local(6, 23), local(7, 1))).toBe(1);
	});
});
