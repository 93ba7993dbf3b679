/**
 * The report's history: what changed in the server and the app because of the bench's measurements,
 * with the figures before (kept here, apart from the report's writing: they are history).
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The first route's weight before it was trimmed (kept here: it is history). */
export const FIRST_ROUTE_BEFORE =
  'Before (2026-12-04 at fb1bfa5, same measure): 206.9 KB gzipped in 36 files, of which the RxDB chunk 119.9 KB (crypto-js whole: every cipher and hash, ' +
  'where RxDB’s encryption uses AES alone) and the French strings of every feature 14.7 KB. Since: the encryption plugin’s `crypto-js` resolves to ' +
  'AES and UTF-8 only (`src/data/crypto-js-aes.ts`, `vite.config.ts`), and the strings are imported as a namespace, a feature’s strings loading with its pages ' +
  '(the navigation’s labels live with the frame). Then (2026-12-04 at 668ed9d, 182.3 KB fetched): the validators (`@cfworker/json-schema`, the collections’ rules) ' +
  'no longer come with the route: the directory’s writes load with the first edit, the messages’ rules when a message sealed while locked is written ' +
  '(`vite/first-route.test.ts` follows the route’s static imports and fails if they come back). Then (2026-12-05 at 5944707, 174.8 KB fetched in 35 files): ' +
  'our files that signing in adds are gathered into one chunk (`vite/first-route.ts`, `vite.config.ts`). Then (2026-12-05 at 09264a9, 165.1 KB in 12 files): ' +
  'the directory’s strings apart from those of availability, the profile, the location picker and the map (`src/i18n/fr/`). ' +
  'Then (2026-12-05 at cb4cfbc, 162.2 KB in 12 files, all fetched until the directory’s first sync was over, as the bench then counted): ' +
  'the patient data’s code (its encrypted database, RxDB’s encryption and cleanup plugins, crypto-js) loads once the first sync is over ' +
  '(`src/data/patient-data.ts`, `src/requests/queries.ts`); RxDB’s schema migrations load only on a device that already holds a database (`src/data/database.ts`); ' +
  'the map’s, the requests’, the console’s, the indicators’ and the RPPS import’s styles load with their pages; the notice of lost edits loads when there is one. ' +
  'Since then the route is what the page asks for until the landing page shows its first members; what the first sync loads after that is weighed apart.';

/** What changed in the server because of these measurements, with the figures before (kept here: they are history). */
export const CHANGES: Array<{ what: string; files: string[]; why: string; before: string; after?: (r: Json) => string }> = [
  {
    what: 'The app’s files and the sync’s pages go compressed',
    files: ['server/http/app.ts'],
    why:
      'On a phone with a weak 4G signal, the first visit waited mostly for bytes: the server sent the JavaScript and every page of the first sync ' +
      'as they are (a sync page of 200 directory entries shrinks more than fourfold in gzip, as the test checks). `@fastify/compress` now sends brotli (quality 4) or gzip ' +
      'to a device that accepts it, from 1 KB (`server/http/compression.itest.ts`).',
    before:
      'measured 2026-12-04 at 01ea7a8 (bench/phone-start.ts, 5 runs, load/core ≈ 2): first visit nurse 17,084 ms, coordinator 21,680 ms; ' +
      'click to members shown 14,768 / 19,101 ms; everything synced 19,711 / 26,862 ms after the click; repeat visit online 5,212 / 6,293 ms',
    after: (r) => {
      const p = r.startOnPhone;
      if (!p) return '';
      const d = (role: string) => p[role].details;
      return (
        `first visit nurse ${p.nurse.firstVisitMs} ms, coordinator ${p.coordinator.firstVisitMs} ms; click to members shown ${d('nurse').firstVisit.loginToHomeMs.median} / ${d('coordinator').firstVisit.loginToHomeMs.median} ms; ` +
        `everything synced ${d('nurse').firstVisit.syncedAfterClickMs.median} / ${d('coordinator').firstVisit.syncedAfterClickMs.median} ms after the click (the cards now counted too, see 6 bis); repeat visit online ${p.nurse.repeatVisitMs} / ${p.coordinator.repeatVisitMs} ms`
      );
    },
  },
  {
    what: 'Long-polls catch up from the hub’s memory and time out at the hub’s position',
    files: ['server/sync/recent-changes.ts', 'server/sync/changes-hub.ts', 'server/sync/gateway.ts'],
    why:
      'Each long-poll coming back with `since=<last_seq>` scanned the database change feed from there before waiting, and an empty answer ' +
      'returned the client’s own old `since`: a client nobody wrote to rescanned, every 25 s, every change since it connected. ' +
      'With 1,600 clients that was 61 polls/s, each a database scan, growing with the day’s changes. Now the hub keeps its last 2,000 changes ' +
      'with the sequences it handed out, a long-poll whose `since` is one of them catches up from memory (the database only for an unknown or too old one), ' +
      'and a timeout answers the hub’s position.',
    before: 'measured 2026-11-23, 1,600 clients, 15 posts, load/core ≈ 3: alert p95 1,177 ms; idle CPU server 172.8 ms/s, database 226.2 ms/s; per post server 181.7 ms, database 328.7 ms CPU',
    after: (r) => {
      const s = r.serverCost?.sizes?.find((x: Json) => x.clients === 1600);
      return s ? `alert p95 ${s.latencyAllAlertedMs.p95} ms; idle CPU server ${s.idle.serverCpuMsPerSecond} ms/s, database ${s.idle.dbCpuMsPerSecond} ms/s; per post server ${s.perPost.serverCpuMs} ms, database ${s.perPost.dbCpuMs} ms CPU` : '';
    },
  },
  {
    what: 'Pages of the change feed and of the reader index are full until the end',
    files: ['server/sync/gateway.ts'],
    why:
      'RxDB ends its initial pull at the first page shorter than its `limit` (200). The gateway answered as soon as a 500-row database batch held any readable ' +
      'document, so a member pulling from an old checkpoint (back from days offline, with more than 500 changes of others in between) could get a short page ' +
      'mid-feed and never receive the rest until a full resync. It now scans until the page is full or the feed ends (unit test in `gateway.test.ts`).',
    before: 'with the first database batch cut to the page size (next change), the coordinator’s directory stopped at 199 of 1,675 entries: the page that skipped the design document ended the pull',
  },
  {
    what: 'The change feed is read a page at a time, and the next page is read ahead',
    files: ['server/sync/read-ahead.ts', 'server/sync/gateway.ts'],
    why:
      'Each page read 500 rows from the database to answer 200 (a reader of everything paid 2.5 times the reads); now the first batch is the page’s size. ' +
      'A full page means the client will ask for the next one at once: the gateway starts reading it while the client stores this one (at most 50 pages, 10 s, handed out once, audited when handed out).',
    before: 'measured from Node, one client paging the 4,000 requests as coordinator, limit 200: 57–62 ms per page through the gateway against 27 ms straight from the database; after the page-size batch: 41–43 ms',
  },
  {
    what: 'The dispatcher starts a search and takes its first step in one write, and looks up the coordinators on duty only to escalate',
    files: ['server/dispatch/dispatcher.ts'],
    why:
      'A new request was written twice before anyone was alerted (status `searching`, then the first circle), and every step read the whole duty roster first. ' +
      'One write fewer on the way to the alert, one change fewer in the feed for every follower, one database read fewer per step.',
    before: 'phases at 1,600 clients (medians after the post, load/core ≈ 1.7–3.9): search started 36–58 ms, first circle written 74–80 ms, last alerted client served 86–98 ms',
    after: (r) => {
      const s = r.serverCost?.sizes?.find((x: Json) => x.clients === 1600);
      return s ? `first circle written ${s.phasesMs.circleWritten.median} ms, last alerted client served ${s.phasesMs.lastArrival.median} ms` : '';
    },
  },
  {
    what: 'The device reads a whole query in one request',
    files: ['src/data/whole-reads.ts'],
    why:
      'RxDB’s Dexie storage walks an IndexedDB cursor, one event and one turn of the page’s event loop per document, so opening the directory (1,714 entries) ' +
      'or the coordinator’s queue (4,000 requests) took as many. A query without a limit now reads its index range in one `getAll`, same order, filtered and sorted as RxDB does ' +
      '(compared with RxDB’s own answers in `whole-reads.test.ts`). Measured with `bench/phone-start.ts`, 3 runs, before and after on the same machine in the same hour.',
    before:
      'measured 2026-12-04 at f32075c (load/core ≈ 1.8): repeat visit online nurse 2,054 ms, coordinator 5,682 ms; offline 1,334 / 2,407 ms; ' +
      'the nurse’s members read 1,228 ms after the collections opened; the coordinator’s first tap to the queue 3,290 ms (online) and, on a first visit, 1,755 ms',
    after: (r) => {
      const p = r.startOnPhone;
      if (!p) return '';
      const online = (role: string) => p[role].details.repeatVisit.online;
      const read = online('nurse').milestonesMs['members-read'] - online('nurse').milestonesMs['db-opened'];
      return (
        `repeat visit online nurse ${p.nurse.repeatVisitMs} ms, coordinator ${p.coordinator.repeatVisitMs} ms; offline ${p.nurse.repeatVisitOfflineMs} / ${p.coordinator.repeatVisitOfflineMs} ms; ` +
        `the nurse’s members read ${Math.round(read)} ms after the collections opened; the coordinator’s first tap ${online('coordinator').firstTapMs.median} ms (online) and, on a first visit, ${p.coordinator.details.firstVisit.firstTapMs.median} ms`
      );
    },
  },
  {
    what: 'The signed-in route comes in one chunk',
    files: ['vite.config.ts', 'vite/first-route.ts'],
    why:
      'The route a member lands on fetched 35 files, most under 1 KB gzipped: the bundler split our code wherever two pages shared a module. ' +
      'On slow 4G each file is a request, and small files compress worse apart. The build now gathers our files that signing in adds ' +
      '(the frame, the directory, the local data and its sync: the static imports `vite/first-route.ts` follows from them, less what the login form needs and the strings) into one chunk.',
    before:
      'as the report gave it at 5944707 (2026-12-05): 35 files, 174.8 KB gzipped; on the phone, the last script received 300 ms (nurse, repeat visit online) and 228 ms (offline) after the navigation, the coordinator’s 275 / 258 ms',
    after: (r) => {
      const f = r.firstRoute;
      const p = r.startOnPhone;
      if (!f || !p) return '';
      const received = (role: string, way: 'online' | 'offline') => p[role].details.repeatVisit[way].milestonesMs['code-received'];
      return `${f.files.length} files, ${f.gzipKB} KB gzipped; the last script received ${received('nurse', 'online')} / ${received('nurse', 'offline')} ms, the coordinator’s ${received('coordinator', 'online')} / ${received('coordinator', 'offline')} ms`;
    },
  },
  {
    what: 'The coordination’s queue reads the open requests from an index on their status',
    files: ['src/domain/requests/schema.ts', 'src/supervision/queries.ts'],
    why:
      'The queue asked the device for the requests `sent`, `searching` or `assigned`; with no index on the status, that read every card on the device ' +
      '(4,001 for the demo’s coordinator, a year of closed ones) to keep a few dozen. The requests schema (version 2, its migration copying the cards unchanged) indexes the status, ' +
      'and the queue runs one query per open status, each a range of that index (`schema.test.ts` checks the plan; an `$in` would scan from the first status to the last, closed ones between).',
    before:
      'measured 2026-12-05 at 5b50c4a, 5 runs, then the change’s 5 runs just after (load/core 1.0–1.6): the coordinator’s first tap to the queue on a repeat visit 592 ms online, 410 ms offline (after, in the same hour: 346 / 126 ms)',
    after: (r) => {
      const p = r.startOnPhone;
      if (!p) return '';
      const tap = (way: 'online' | 'offline') => p.coordinator.details.repeatVisit[way].firstTapMs.median;
      return `the coordinator’s first tap to the queue on a repeat visit ${tap('online')} ms online, ${tap('offline')} ms offline`;
    },
  },
  {
    what: 'Sessions are kept while the sessions’ and accounts’ feeds are followed',
    files: ['server/session/sessions.ts', 'server/storage/changes.ts'],
    why:
      'Each instance re-read a connected device’s session and account from the database every 60–120 s, so that another instance’s logout applied within 120 s: ' +
      'an idle cost to the database that grows with the devices connected (on the cluster, a read at every node holding a copy). Each instance now reads the ' +
      '`sessions` and `accounts` change feeds every 2 s and forgets a deleted session or a changed account’s users at once, so a logout on one instance applies ' +
      'on the other within 2 s (`two-instances.itest.ts`) and a connected device’s session is read once.',
    before:
      'measured 2026-12-05 on the cluster (two instances, 1,600 clients, load/core 0.57) at 7901ca8, whose long-polled feeds never answered on a quiet platform, so every entry was read again after 60–120 s as before: 7.7 session reads/s, idle CPU servers 83.4 ms/s, database 116.3 ms/s; ' +
      'with 10,000 clients (2026-12-04, load/core 4.47, the nurses also out of alert budget): idle CPU servers 343.3 ms/s, database 1,013.2 ms/s',
    after: (r) => {
      const at = (n: number) => r.cpuPerChange?.sizes?.find((x: Json) => x.clients === n);
      const line = (n: number) => {
        const s = at(n);
        return s ? `${n.toLocaleString('en')} clients (load/core ${s.loadPerCore}): ${s.idle.sessionReadsPerSecond} session reads/s, idle CPU servers ${s.idle.serverCpuMsPerSecond} ms/s, database ${s.idle.dbCpuMsPerSecond} ms/s` : '';
      };
      return [line(1600), line(10000)].filter(Boolean).join('; ');
    },
  },
  {
    what: 'Reactions write their checkpoints every 5 s or 100 changes, not after every batch',
    files: ['server/reactions/reaction.ts'],
    why:
      'Each of the four reactions following the requests (the dispatcher, the alerts outbox, the message notes, the closing letters) wrote its checkpoint ' +
      'after every batch it read: a posted request made 8.4 checkpoint writes beside its own 4 (the card twice, the patient block, the alert mark; counted on the embedded database). ' +
      'On the cluster each write is made on the three nodes and wakes every feed of the `server` database. A checkpoint is now written once 5 s or 100 changes have gone by ' +
      'since its last write (1.6 writes per post); a restart handles again the changes after it, which find their work done (`server/reactions/reactions.itest.ts`).',
    before:
      'measured 2026-12-05 at 90daed0 on the cluster, the CPU taken over the paced posts of the latency (load/core 2.9 and 2.5): database CPU per post, net of idle, ' +
      '404 ms at 10 clients and 446 ms at 10,000; alert p95 261 and 350 ms. With the change, the same measure in two runs the same hour (load/core 1.6–2.6): 252 / 261 ms and 295 / 262 ms; p95 180 / 221 ms and 222 / 239 ms',
    after: (r) => {
      const at = (n: number) => r.cpuPerChange?.sizes?.find((x: Json) => x.clients === n);
      const [a, b] = [at(10), at(10000)];
      return a && b ? `over bursts of posts (bench/alerts.ts now): database CPU per post, net of idle, ${a.perPost.dbCpuMsNetOfIdle} ms at 10 clients and ${b.perPost.dbCpuMsNetOfIdle} ms at 10,000; alert p95 ${a.latencyAllAlertedMs.p95} and ${b.latencyAllAlertedMs.p95} ms (load/core ${a.loadPerCore} and ${b.loadPerCore})` : '';
    },
  },
  {
    what: 'A pull’s pages hold 500 documents, not 1,000',
    files: ['src/domain/sync/api.ts'],
    why:
      'A fresh device shows the directory once the first page of members is stored. On slow 4G a page of 1,000 members is 115 KB gzipped (0.6 s), ' +
      'and storing it takes about a second on a phone’s CPU; the landing page stayed empty meanwhile. Pages of 500 halve both for the first page; ' +
      'the later pages are fetched while the earlier ones are written.',
    before:
      'measured 2026-12-05 at 8179358 on the slow phone, two runs of 5 (load/core 1.0–1.2): first visit 3,096 / 3,252 ms (nurse), 3,405 / 3,647 ms (coordinator); ' +
      'unthrottled first sync, run just after the one with pages of 500: ours 3,092 ms (coordinator) and 1,337 ms (nurse), ratios to PouchDB 0.66 and 0.71',
    after: (r) => {
      const p = r.startOnPhone;
      const f = r.firstSync;
      const phone = p ? `first visit ${p.nurse.firstVisitMs} ms (nurse), ${p.coordinator.firstVisitMs} ms (coordinator) (load/core ${p.loadPerCore.median})` : '';
      const sync = f ? `; unthrottled first sync: ours ${f.coordinator.oursMs.median} ms and ${f.nurse.oursMs.median} ms, ratios ${f.coordinator.ratioToPeer} and ${f.nurse.ratioToPeer}` : '';
      return phone + sync;
    },
  },
  {
    what: 'A repeat start reads less before the directory shows, and loads the first tab right after',
    files: ['src/data/whole-reads.ts', 'src/members/search.ts', 'src/data/database.ts', 'src/requests/queries.ts', 'src/shell/landing.ts', 'src/session/session.ts'],
    why:
      'On the slow phone, a repeat visit spent its time on the main thread: RxDB’s copy of every directory entry read (about 110 ms), the search texts of 1,714 entries (about 80 ms) ' +
      'when an empty query needs only their order, the drop of the two collections that moved to the encrypted database (two reads of the database’s list of collections, on every start), ' +
      'and, for the nav badge, every card on the device (a coordinator’s 4,001). Now the rows are converted in place, the texts are computed at the first query or when idle, ' +
      'the drop runs after the opening, the badge reads the requests still searching through the status index, and once the directory shows its members the frame loads ' +
      'its first tab’s page and the requests page’s cards ahead (`src/shell/landing.ts`), so the first tap only draws. Online, the server’s answer about the signed-in user, ' +
      'an identical copy, no longer sets up again the queries that follow the user (no difference measured: 690 against 683 ms, coordinator online, 7 alternated visits each). ' +
      'The bench’s repeat visits now wait for the cards’ first sync too (see 6 bis): before, a coordinator’s repeat visit online could still be finishing it.',
    before:
      'as the report gave it at 9eadbaa (2026-12-05, load/core 1.34): repeat visit online nurse 1,174 ms, coordinator 1,339 ms; offline 973 / 1,032 ms. ' +
      'Alternated with 9eadbaa on the same machine, 7–8 repeat visits each (medians of members shown plus first tap; load/core 1–2): nurse online 1,272 → 927 ms, ' +
      'coordinator online 1,232 → 829 ms, nurse offline 1,021 → 811 ms',
    after: (r) => {
      const p = r.startOnPhone;
      return p
        ? `repeat visit online nurse ${p.nurse.repeatVisitMs} ms, coordinator ${p.coordinator.repeatVisitMs} ms; offline ${p.nurse.repeatVisitOfflineMs} / ${p.coordinator.repeatVisitOfflineMs} ms (load/core ${p.loadPerCore.median})`
        : '';
    },
  },
  {
    what: 'Each pulled document of the directory and the cards is written once',
    files: ['src/data/pull-bookkeeping.ts', 'src/data/pull-origin.ts', 'src/data/database.ts'],
    why:
      'RxDB wrote every pulled document twice: in its collection, and in the replication’s bookkeeping (its copy of the server’s state, to tell a local edit from a pulled copy ' +
      'and to push with the state an edit started from). For a document stored as pulled and unchanged since, that copy is the document itself, which carries the pull’s mark ' +
      'for its revision. A storage wrapper on the directory’s and the cards’ database leaves the copy unwritten and answers the replication’s reads of it from the document; ' +
      'the first local edit of a pulled document keeps the pulled state beside it (`_meta.m`) for the push and the conflict handler, and RxDB writes its copy again once pushed ' +
      '(`src/data/pull-bookkeeping.test.ts`; the patient data’s database keeps RxDB’s own, as `_meta` is not encrypted). In the coordinator’s profiled run, the wait on ' +
      'IndexedDB’s own thread fell from 2,271 to 564–595 ms.',
    before:
      'measured 2026-12-05 at 851f4ce, 3 runs alternated with the peer (load/core 1.3–1.5): ours 3,505 ms (coordinator) and 1,425 ms (nurse), ratios 0.64 and 0.67; ' +
      'the same build with RxDB’s `skipStoringPullMeta` forced on, 3 runs just after (load/core 1.7–1.8): 2,092 / 1,104 ms, ratios 0.40 / 0.56; with this change, 3 runs ' +
      'within the hour (load/core 1.0–1.5): 1,969 / 1,014 ms, ratios 0.39 / 0.53. On the slow phone (report at 851f4ce): everything synced 3,239 ms (nurse) and 8,203 ms (coordinator) after the click',
    after: (r) => {
      const f = r.firstSync;
      const p = r.startOnPhone;
      const phone = p ? `; on the slow phone, everything synced ${p.nurse.details.firstVisit.syncedAfterClickMs.median} ms (nurse) and ${p.coordinator.details.firstVisit.syncedAfterClickMs.median} ms (coordinator) after the click` : '';
      return f ? `ours ${f.coordinator.oursMs.median} ms (coordinator) and ${f.nurse.oursMs.median} ms (nurse), ratios ${f.coordinator.ratioToPeer} and ${f.nurse.ratioToPeer} (load/core ${f.loadPerCore.median})${phone}` : '';
    },
  },
  {
    what: 'Idle long-polls kept open by heartbeats; the dispatcher starts from the version the feed gave',
    files: ['server/sync/routes.ts', 'server/sync/gateway.ts', 'server/dispatch/store.ts', 'server/dispatch/dispatcher.ts'],
    why:
      'At 10,000 connected clients the servers spent most of their CPU answering idle long-polls every 25 s (about 0.7 ms each: Node’s HTTP path, Fastify, the session, the socket). ' +
      'RxDB asks for a heartbeat on its live long-polls, as CouchDB offers: the gateway now keeps such a long-poll open, writes a newline every 25 s (JSON ignores it; it keeps ' +
      'mobile networks and proxies from dropping the connection), checks the session before each, and answers empty after 5 minutes at most (`server/sync/heartbeat.itest.ts`). ' +
      'And the dispatcher took each new request’s first step after reading it again from the database; it now starts from the version the change feed gave, ' +
      'and a version already replaced conflicts and is read again (`server/dispatch/store.itest.ts`): one cluster read fewer between the post and the alert.',
    before:
      'measured 2026-12-05 at fd34339 on the cluster, the same hour as the heartbeats alone (da85841), load/core 4.3 / 3.3 and 3.6 / 2.5: at 10 clients alert p95 393 ms (median 273) ' +
      'against 395 (276) with heartbeats; at 10,000 clients p95 446 ms (median 249) against 306 (194); idle at 10,000: 344 re-polls and 74 session reads a second, ' +
      'servers 299 ms/s and database 732 ms/s of CPU, against no re-poll or session read, 98 and 111 ms/s',
    after: (r) => {
      const at = (n: number) => r.cpuPerChange?.sizes?.find((x: Json) => x.clients === n);
      const [a, b] = [at(10), at(10000)];
      return a && b
        ? `alert p95 ${a.latencyAllAlertedMs.p95} ms (median ${a.latencyAllAlertedMs.median}) at 10 clients and ${b.latencyAllAlertedMs.p95} ms (median ${b.latencyAllAlertedMs.median}) at 10,000; ` +
            `idle at 10,000: ${b.idle.pollsPerSecond} re-polls a second, servers ${b.idle.serverCpuMsPerSecond} ms/s and database ${b.idle.dbCpuMsPerSecond} ms/s of CPU (load/core ${a.loadPerCore} and ${b.loadPerCore})`
        : '';
    },
  },
  {
    what: 'Databases of one shard range on CouchDB; one read of each change feed for all the reactions that follow it',
    files: ['server/storage/couch.ts', 'server/reactions/feed.ts', 'server/reactions/reaction.ts'],
    why:
      'On the cluster the latency left was the database’s own path per post: each write to `requests` woke six long-poll followers (the four reactions on the lease holder, ' +
      'the two instances’ hubs), each wake a cost on every node, and each database had CouchDB’s default two shard ranges, each one more file for every write, feed read and view query. ' +
      'Measured on an idle three-node cluster of this machine, 200 writes each: 72–74 ms of database CPU per write with six followers and q=2, 55–65 with q=1, 43 with three followers and q=1; ' +
      'the six followers heard of a write 32–35 ms after it was sent (median) with q=2, 20 ms with three and q=1. The platform now creates its databases with q=1 ' +
      '(`server/storage/storage.itest.ts` checks it on CouchDB), and the reactions of one database share one read of its feed, each in its own lane (a slow mail or push service holds back ' +
      'only its own reaction), with one checkpoint per database that the per-reaction checkpoints of earlier versions catch up to (`server/reactions/reactions.itest.ts`).',
    before:
      'measured 2026-12-05 at b60d148 on the cluster (the report before, load/core 2.4 / 3.2): alert p95 311.8 ms (median 225.6) at 10 clients and 278 ms (median 186) at 10,000; ' +
      'database CPU per post, net of idle, 278.3 ms at 10 clients. With q=1 alone (35ac0bd, one run at 10 and 10,000 clients): p95 272.3 (median 184) and 266.4 ms (median 175.3), 262.6 ms',
    after: (r) => {
      const at = (n: number) => r.cpuPerChange?.sizes?.find((x: Json) => x.clients === n);
      const [a, b] = [at(10), at(10000)];
      return a && b
        ? `alert p95 ${a.latencyAllAlertedMs.p95} ms (median ${a.latencyAllAlertedMs.median}) at 10 clients and ${b.latencyAllAlertedMs.p95} ms (median ${b.latencyAllAlertedMs.median}) at 10,000; ` +
            `database CPU per post, net of idle, ${a.perPost.dbCpuMsNetOfIdle} ms at 10 clients (load/core ${a.loadPerCore} and ${b.loadPerCore})`
        : '';
    },
  },
];
