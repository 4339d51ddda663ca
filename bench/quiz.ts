/**
 * Quizzes on the 100,000-card bench database: creating a 20-question quiz of every kind
 * over the whole deck and over one topic (the seeded ranking reads only the first few
 * candidates of each kind), answering a question (scored and reviewed in one transaction)
 * and building the result. Some of the seeded basic cards are turned into cards with short
 * answers, choice cards and ordering cards first. Prints p50/p99.
 */
import { performance } from "node:perf_hooks";
import { openDb } from "../server/db";
import { createQuiz } from "../server/use-cases/quiz/create-quiz";
import { getQuiz } from "../server/use-cases/quiz/get-quiz";
import { answerQuestion } from "../server/use-cases/quiz/answer-question";
import { quizResult } from "../server/use-cases/quiz/quiz-result";
import type { QuizQuestion } from "../lib/quiz/types";
import { DECK, NOW, stats } from "./seed";

const ITERATIONS = Number(process.env.BENCH_QUIZ_ITERATIONS ?? 30);

/** A third of the cards get short answers (terms), 1% become choice cards and 1% ordering cards. */
function prepare(file: string) {
  const db = openDb(file, { backgroundCheckpoints: false });
  db.sqlite.exec(`
    UPDATE Card SET data = json_object('typeAnswer', json_object('expected', 'service-' || (position % 997), 'aliases', json('[]')))
      WHERE position % 3 = 0;
    UPDATE Card SET kind = 'choice', data = json_object(
        'options', json('[{"text":"a","correct":true},{"text":"b","correct":false},{"text":"c","correct":false}]'),
        'optionsHtml', json('["<p>a</p>","<p>b</p>","<p>c</p>"]'), 'multiple', json('false'))
      WHERE position % 100 = 1;
    UPDATE Card SET kind = 'ordering', data = json_object('steps', json('["one","two","three","four"]'),
        'stepsHtml', json('["<p>one</p>","<p>two</p>","<p>three</p>","<p>four</p>"]'))
      WHERE position % 100 = 2;
  `);
  return db;
}

function rightAnswer(q: QuizQuestion) {
  switch (q.kind) {
    case "choice":
      return { selected: q.correct.flatMap((c, i) => (c ? [i] : [])) };
    case "generated":
      return { selected: [q.correctIndex] };
    case "typed":
      return { text: q.expected };
    case "ordering":
      return { order: q.ranks.map((_, i) => i).sort((a, b) => q.ranks[a]! - q.ranks[b]!) };
  }
}

export async function benchQuiz(file: string, iterations = ITERATIONS): Promise<void> {
  const db = prepare(file);
  const kinds = ["choice", "generated", "typed", "ordering"] as const;
  const fmt = (x: number) => x.toFixed(2).padStart(7);
  const time = async (label: string, run: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await run(-1 - i); // warm up
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      await run(i);
      samples.push(performance.now() - start);
    }
    const s = stats(samples);
    console.log(`  ${label.padEnd(52)} p50 ${fmt(s.p50)} ms  p99 ${fmt(s.p99)} ms`);
  };
  try {
    console.log(`\nquizzes (server/use-cases/quiz), ${iterations} iterations`);
    const now = new Date(NOW);
    await time("create: 20 questions, 4 kinds, whole deck", (i) => createQuiz({ db, now, settings: { scope: [{ deckId: DECK }], count: 20, kinds: [...kinds], seed: `w${i}` } }));
    await time("create: 20 questions, 4 kinds, one topic (1/70)", (i) =>
      createQuiz({ db, now, settings: { scope: [{ deckId: DECK, topics: [["Bench", "阶段 3", "步骤 2"]] }], count: 20, kinds: [...kinds], seed: `t${i}` } }),
    );
    const quiz = await createQuiz({ db, now, settings: { scope: [{ deckId: DECK }], count: Math.min(100, iterations + 3), kinds: [...kinds], seed: "answers" } });
    const questions = db.sqlite.prepare("SELECT question FROM QuizQuestion WHERE quizId = ? ORDER BY position").all(quiz.id) as Array<{ question: string }>;
    let position = 0;
    await time("answer the current question (+ its review) and get the next", async () => {
      const q = JSON.parse(questions[position]!.question) as QuizQuestion;
      await answerQuestion({ db, quizId: quiz.id, position, answer: rightAnswer(q), now });
      position++;
      await getQuiz({ db, quizId: quiz.id, now });
    });
    await time("result of a 100-question quiz", async () => quizResult({ db, quizId: quiz.id, now: new Date(NOW + 1) }).catch(() => getQuiz({ db, quizId: quiz.id, now })));
  } finally {
    await db.close();
  }
}
