/**
 * Where a first sync's time goes, on the page's main thread: a CPU profile of the page (Chromium's
 * sampling profiler) is laid over the sync's window, from the click on « Se connecter » to the last
 * document stored. Each sample's time goes to one part, so the parts add up to the window:
 * - while the main thread runs, to what it runs, named by the source the function came from
 *   (through the build's source maps): device writes (Dexie and RxDB's storage), indexes (the
 *   index keys RxDB computes, the directory's search index), encryption (patient data), the
 *   schema validation of each write, the replication, telling the app's other tabs (RxDB's
 *   broadcast of each change), display (Solid and our components), the browser's own work on the
 *   thread outside scripts (cloning values for IndexedDB, its events, style and layout), the
 *   garbage collector, other (RxDB's core, RxJS…);
 * - while it waits, to what it waits for: the login's answer, the server (a pull sent, its first byte
 *   not yet back), the transfer (a pull's body arriving), or the storage (nothing in flight: the
 *   browser's storage thread committing IndexedDB transactions, timers).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { moduleOf } from './bundle';

export const PARTS = ['login', 'server', 'transfer', 'storage', 'deviceWrites', 'indexes', 'encryption', 'validation', 'replication', 'otherTabs', 'display', 'browser', 'gc', 'other'] as const;
export type Part = (typeof PARTS)[number];
export type Breakdown = Record<Part, number>;

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** Chromium's CPU profile (`Profiler.stop`): times in microseconds. */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A pull request's resource timing, on the page's clock (ms). */
export interface Pull {
  requestStart: number;
  responseStart: number;
  responseEnd: number;
}

export interface SyncWindow {
  /** The profile's start on the page's clock (ms). */
  profileStartMs: number;
  from: number;
  to: number;
  /** The login's answer: waiting before it is the login. */
  loginEnd: number;
  pulls: Pull[];
  /** The part a frame's code belongs to and its module; undefined for a frame without source (native code). */
  partOf(frame: CallFrame): Code | undefined;
}

export interface Code {
  part: Part;
  /** Its npm package or our own file. */
  module: string;
}

/** Milliseconds per part over the window, and the main thread's running time per module. */
export function breakdown(profile: CpuProfile, w: SyncWindow): { parts: Breakdown; modules: Map<string, number> } {
  const result = Object.fromEntries(PARTS.map((p) => [p, 0])) as Breakdown;
  const modules = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const codeOfNode = new Map<number, Code | 'idle'>();
  const classify = (id: number): Code | 'idle' => {
    const known = codeOfNode.get(id);
    if (known) return known;
    const name = byId.get(id)!.callFrame.functionName;
    // Outside any script: the garbage collector, the browser's own work.
    let code: Code | 'idle' = { part: name === '(program)' ? 'browser' : name === '(garbage collector)' ? 'gc' : 'other', module: name };
    if (name === '(idle)') code = 'idle';
    else
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const found = w.partOf(byId.get(at)!.callFrame);
        if (found) {
          code = found;
          break;
        }
      }
    codeOfNode.set(id, code);
    return code;
  };
  const waiting = (t: number): Part => {
    if (t < w.loginEnd) return 'login';
    if (w.pulls.some((p) => p.responseStart <= t && t < p.responseEnd)) return 'transfer';
    if (w.pulls.some((p) => p.requestStart <= t && t < p.responseStart)) return 'server';
    return 'storage';
  };
  // A sample holds from its time until the next one's.
  let t = w.profileStartMs;
  const times = profile.timeDeltas.map((d) => (t += d / 1000));
  times.push(w.profileStartMs + (profile.endTime - profile.startTime) / 1000);
  for (let i = 0; i < profile.samples.length; i++) {
    const start = Math.max(times[i], w.from);
    const end = Math.min(times[i + 1], w.to);
    if (end <= start) continue;
    const code = classify(profile.samples[i]);
    if (code === 'idle') result[waiting((start + end) / 2)] += end - start;
    else {
      result[code.part] += end - start;
      modules.set(code.module, (modules.get(code.module) ?? 0) + end - start);
    }
  }
  return { parts: result, modules };
}

/** Which part a source file belongs to (a path as the source maps name it). */
export function partOfSource(source: string): Part {
  if (/node_modules\/dexie\/|rxdb\/.*\/plugins\/storage-dexie\/|rxdb\/.*\/rx-storage-helper|src\/data\/fewer-reads/.test(source)) return 'deviceWrites';
  if (/rxdb\/.*\/custom-index|src\/members\/search/.test(source)) return 'indexes';
  if (/crypto-js|rxdb\/.*\/plugins\/encryption/.test(source)) return 'encryption';
  if (/@cfworker\/json-schema|rxdb\/.*\/plugins\/validate|src\/data\/validat|src\/domain\/validation/.test(source)) return 'validation';
  if (/rxdb\/.*\/(plugins\/replication|replication-protocol)|src\/data\/(replication|pull-origin|first-sync-progress)/.test(source)) return 'replication';
  if (/node_modules\/broadcast-channel\/|rxdb\/.*\/rx-storage-multiinstance/.test(source)) return 'otherTabs';
  if (/solid-js|@solidjs|\.tsx$/.test(source)) return 'display';
  return 'other';
}

/** A `partOf` for the scripts of a built app in `dist`, read through their source maps. */
export function partsOfBuild(dist: string): (frame: CallFrame) => Code | undefined {
  const consumers = new Map<string, SourceMapConsumer | null>();
  const consumerOf = (url: string) => {
    const file = path.join(dist, new URL(url).pathname);
    if (!consumers.has(file)) consumers.set(file, existsSync(`${file}.map`) ? new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as RawSourceMap) : null);
    return consumers.get(file)!;
  };
  return (frame) => {
    if (!frame.url.startsWith('http')) return undefined;
    const consumer = consumerOf(frame.url);
    if (!consumer) return { part: 'other', module: '(bundler)' };
    const { source } = consumer.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
    if (!source) return { part: 'other', module: '(unmapped)' };
    // RxDB is most of what runs: named by its file.
    const inRxdb = /node_modules\/rxdb\/dist\/esm\/(.*)\.js$/.exec(source);
    return { part: partOfSource(source), module: inRxdb ? `rxdb/${inRxdb[1]}` : moduleOf(source) };
  };
}
