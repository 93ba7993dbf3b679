/**
 * What the route a member lands on loads (the login, the frame, the directory, and the sync the
 * login starts): the modules reached from them by static imports, type-only imports left out, as
 * the bundler follows them. Writes and their validators load with the first edit, not before.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROUTE = ['src/main.tsx', 'src/session/LoginPage.tsx', 'src/shell/Layout.tsx', 'src/members/DirectoryPage.tsx', 'src/data/local-data.ts'];

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

/** Our files and the packages (by name) reached from `entries`. */
function reached(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      if (!specifier.startsWith('.')) {
        seen.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
        continue;
      }
      const target = resolve(file, specifier);
      if (target) queue.push(target);
      else if (!/\.(css|svg|png)$/.test(specifier)) throw new Error(`${file}: ${specifier} not found`);
    }
  }
  return seen;
}

describe('the route a member lands on', () => {
  const modules = reached(ROUTE);

  it('reaches the directory, its data layer and the sync', () => {
    for (const m of ['src/members/DirectoryPage.tsx', 'src/data/database.ts', 'src/data/replication.ts', 'rxdb']) expect(modules).toContain(m);
  });

  it('leaves the writes and the validators to the first edit', () => {
    for (const m of ['src/domain/validation.ts', '@cfworker/json-schema', 'src/domain/requests/policies.ts', 'src/members/commands.ts', 'src/requests/commands.ts']) {
      expect(modules).not.toContain(m);
    }
  });
});
