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
