/**
 * Benchmark (not a test): the three consultation journeys of e2e/journeys.ts on a phone-sized page,
 * each interaction counted and each journey timed from opening the form to the request's page, in a
 * fresh browser context per round. Needs a build (`npm run build`, or `BENCH_DIST`). Writes
 * bench/results/ux.json; the report shows it as `ux.interactions.<journey>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { login } from '../e2e/helpers';
import { Interactions, JOURNEYS } from '../e2e/journeys';
import { samplePng } from '../e2e/request-steps';
import { startTestServer } from '../server/testing/server';

const ROUNDS = Number(process.env.ROUNDS || 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = await startTestServer({ STATIC_DIR: path.resolve(process.env.BENCH_DIST || 'dist') });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const runs = new Map<string, { counts: number[]; seconds: number[]; estimated: number[]; steps: string[] }>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
      const page = await context.newPage();
      await login(page, 'generaliste');
      const photo = await samplePng(page);
      for (const journey of JOURNEYS) {
        await journey.prepare?.({ page, photo });
        const ui = new Interactions();
        const start = performance.now();
        await journey.run({ page, photo }, ui);
        const seconds = (performance.now() - start) / 1000;
        const run = runs.get(journey.name) ?? { counts: [], seconds: [], estimated: [], steps: [] };
        run.counts.push(ui.count);
        run.seconds.push(seconds);
        run.estimated.push(ui.estimatedSeconds());
        run.steps = ui.done.map((i) => (i.chars ? `${i.what} (${i.chars} caractères)` : i.what));
        runs.set(journey.name, run);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.dispose();
  }
  const journeys = Object.fromEntries(
    JOURNEYS.map((j) => {
      const run = runs.get(j.name)!;
      return [
        j.name,
        {
          title: j.title,
          interactions: Math.max(...run.counts),
          goal: j.goal,
          steps: run.steps,
          machineSeconds: { median: Number(median(run.seconds).toFixed(2)), max: Number(Math.max(...run.seconds).toFixed(2)) },
          estimatedHumanSeconds: Number(median(run.estimated).toFixed(1)),
        },
      ];
    }),
  );
  for (const [name, j] of Object.entries(journeys)) console.log(`${name}: ${j.interactions} interactions (goal ≤ ${j.goal}), ${j.machineSeconds.median} s driven, about ${j.estimatedHumanSeconds} s for a person`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/ux.json', JSON.stringify({ date: new Date().toISOString(), rounds: ROUNDS, journeys }, null, 2) + '\n');
}

await main();
