/**
 * The modules a route reaches by static imports (type-only imports and `import()` left out), as the
 * bundler follows them: the build groups the signed-in route's own files into one chunk, and
 * `vite/first-route.test.ts` checks what the route a member lands on carries.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The value imports and re-exports of a file (not `import type`, not `import()`). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = clause?.isTypeOnly || (clause && !clause.name && named && named.length > 0 && named.every((e) => e.isTypeOnly));
      if (!typeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

function resolve(from: string, specifier: string): string | undefined {
  const base = path.join(path.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => existsSync(f) && /\.tsx?$/.test(f));
}

/** Our files (paths relative to `root`, as `src/…`) and the packages (by name, and by the entry points imported) reached from `entries`. */
export function staticallyReached(entries: string[], root = '.'): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of valueImports(path.join(root, file))) {
      if (!specifier.startsWith('.')) {
        // The package, and the entry point named (`rxdb/plugins/…`).
        seen.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
        seen.add(specifier);
        continue;
      }
      const target = resolve(path.join(root, file), specifier);
      if (target) queue.push(path.relative(root, target));
      else if (!/\.(css|svg|png)$/.test(specifier)) throw new Error(`${file}: ${specifier} not found`);
    }
  }
  return seen;
}

/** What the first screen (the entry, the login form) loads before anyone signs in. */
export const BEFORE_SIGN_IN = ['src/main.tsx', 'src/session/LoginPage.tsx'];
/** What signing in adds: the frame, the directory, and the local database with its sync. */
export const SIGNED_IN = ['src/shell/Layout.tsx', 'src/members/DirectoryPage.tsx', 'src/data/local-data.ts'];
/** The name of the chunk the build gathers `signedInOwnFiles` into (the bench finds it in the manifest by it). */
export const SIGNED_IN_CHUNK = 'signed-in';

/**
 * Our own files the signed-in route adds to the first screen's: the build puts them in one chunk.
 * The strings are left to the bundler: imported as a namespace, they reach every feature's file,
 * of which the bundler keeps only those a screen names.
 */
export function signedInOwnFiles(root: string): Set<string> {
  const before = staticallyReached(BEFORE_SIGN_IN, root);
  return new Set([...staticallyReached(SIGNED_IN, root)].filter((m) => m.startsWith('src/') && !m.startsWith('src/i18n/') && !before.has(m)));
}
