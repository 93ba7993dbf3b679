/**
 * What the route a member lands on loads (the login, the frame, the directory, and the sync the
 * login starts), as the bundler follows it: writes and their validators load with the first edit,
 * patient data once the first sync is over, not before; and the files the build gathers into the
 * signed-in chunk.
 */
import { describe, expect, it } from 'vitest';
import { BEFORE_SIGN_IN, SIGNED_IN, signedInOwnFiles, staticallyReached } from './first-route';

describe('the route a member lands on', () => {
  const modules = staticallyReached([...BEFORE_SIGN_IN, ...SIGNED_IN]);

  it('reaches the directory, its data layer and the sync', () => {
    for (const m of ['src/members/DirectoryPage.tsx', 'src/data/database.ts', 'src/data/replication.ts', 'rxdb']) expect(modules).toContain(m);
  });

  it('leaves the writes and the validators to the first edit', () => {
    for (const m of ['src/domain/validation.ts', '@cfworker/json-schema', 'src/domain/requests/policies.ts', 'src/members/commands.ts', 'src/requests/commands.ts']) {
      expect(modules).not.toContain(m);
    }
  });

  it('leaves patient data, the schema migrations and the notice of lost edits to when they are needed', () => {
    for (const m of ['src/data/case-database.ts', 'rxdb/plugins/encryption-crypto-js', 'crypto-js', 'rxdb/plugins/migration-schema', 'src/shell/LostEditsNotice.tsx']) {
      expect(modules).not.toContain(m);
    }
    // Still within reach: their pages and the sync load them.
    const later = staticallyReached(['src/data/patient-data.ts', 'src/shell/LostEditsNotice.tsx']);
    for (const m of ['src/data/case-database.ts', 'rxdb/plugins/encryption-crypto-js', 'rxdb/plugins/migration-schema']) expect(later).toContain(m);
  });
});

describe('the signed-in chunk', () => {
  const files = signedInOwnFiles('.');

  it('gathers our files that signing in adds: the frame, the directory, the local data', () => {
    for (const f of ['src/shell/Layout.tsx', 'src/members/DirectoryPage.tsx', 'src/data/local-data.ts', 'src/data/database.ts']) expect(files).toContain(f);
  });

  it('leaves out what the login form needs, the packages and the strings', () => {
    const before = staticallyReached(BEFORE_SIGN_IN);
    expect(before).toContain('src/session/LoginPage.tsx');
    for (const f of files) {
      expect(before.has(f), f).toBe(false);
      expect(f).toMatch(/^src\/(?!i18n\/)/);
    }
  });
});
