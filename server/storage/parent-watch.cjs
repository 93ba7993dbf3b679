/**
 * Preloaded into the embedded PouchDB Server (`node -r`): it exits as soon as the server that
 * started it is gone, even killed with SIGKILL, so that the restarted server finds the LevelDB
 * files unlocked instead of an orphan holding them. Plain CommonJS: it runs before PouchDB Server.
 */
'use strict';
const parent = process.ppid;
// The parent holds the other end of stdin: the kernel closes it when the parent dies, however it dies.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
// Belt and braces: reparented to init (or a subreaper) means the parent is gone.
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 500).unref();

// Idle connections kept 65 s (Node's default is 5 s), well past the server's own 30 s (storage/couch.ts):
// the server closes its idle sockets first. A server that reuses one just as this side closes it
// (after a few seconds of CPU, its timers late) would see its write cut with no answer.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS, preloaded before PouchDB Server
const http = require('node:http');
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  this.keepAliveTimeout = 65_000;
  return listen.apply(this, args);
};

// PouchDB adds a listener on its constructor for each database it opens, and the server keeps sixteen
// open: Node's warning at eleven is no leak here, and it reached the server's output at random on a
// clean start. The limit stays finite, so a real leak would still be reported.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS, preloaded before PouchDB Server
require('node:events').defaultMaxListeners = 100;
