/**
 * `npm run simulate`: a simulated year of the territory (seeded, deterministic) replayed through the
 * dispatcher with three policies — a broadcast as peers do, the circles the server used before, and
 * the ranking it uses now — and the comparison written to bench/simulation.json and printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DISPATCH_POLICIES, type PolicyName } from '../../src/domain/requests/dispatch-policies';
import { loadTerritory, territoryDirFrom } from '../territory/load';
import type { PolicyResult } from './metrics';
import { simulate } from './simulate';
import { simulatedYear } from './year';

/** A Monday at midnight in Paris: the year starts with a week. */
const START = Date.parse('2026-01-04T23:00:00Z');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seed: { type: 'string', default: '2026' }, requests: { type: 'string', default: '4000' }, out: { type: 'string', default: 'bench/simulation.json' } } });
  const seed = Number(values.seed);
  const territory = loadTerritory(territoryDirFrom(process.env, process.cwd()));
  const started = performance.now();
  const world = simulatedYear(territory, START, Number(values.requests), seed);
  const policies = {} as Record<PolicyName, PolicyResult & { seconds: number }>;
  for (const name of Object.keys(DISPATCH_POLICIES) as PolicyName[]) {
    const t = performance.now();
    const result = await simulate(world, DISPATCH_POLICIES[name], seed);
    policies[name] = { ...result, seconds: Math.round((performance.now() - t) / 100) / 10 };
    process.stderr.write(`${name} : ${policies[name].seconds} s\n`);
  }
  const report = {
    date: new Date().toISOString(),
    seed,
    territory: territory.name,
    members: world.members.length,
    requests: world.requests.length,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    policies,
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync(values.out!, JSON.stringify(report, null, 2) + '\n');
  const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
  const rows = (Object.keys(policies) as PolicyName[]).map((name) => {
    const p = policies[name];
    return `| ${name} | ${pct(p.acceptedBeforeDeadline)} | ${p.medianMinutesToAccept} / ${p.p90MinutesToAccept} min | ${p.alertsPerRequest} | ${p.alertsPerMemberWeek.median} / ${p.alertsPerMemberWeek.p95} / ${p.maxAlertsPerMemberWeek} (${p.maxAlertsPerMemberWeekNotImmediate}) | ${pct(p.escalatedShare)} | ${p.maxMinutesUnreached} min |`;
  });
  process.stdout.write(
    [
      `Année simulée : ${territory.name}, ${world.members.length} fiches, ${world.requests.length} demandes, graine ${seed}, ${report.seconds} s.`,
      '',
      '| policy | accepted before deadline | time to acceptance, median / p90 | alerts per request | alerts per member-week, median / p95 / max (max without immediate) | escalated | longest wait with nobody alerted |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

void main();
