/** Where the end-to-end server runs and what it serves, shared by the Playwright config and the tests. */
import { tmpdir } from 'node:os';
import path from 'node:path';

export const E2E_PORT = Number(process.env.E2E_PORT || 8181);
export const E2E_DIR = path.join(tmpdir(), `cpts-e2e-${E2E_PORT}`);
/** A copy of `dist/`: the update test "deploys" a new version into it. */
export const E2E_STATIC_DIR = path.join(E2E_DIR, 'app');
/** The key the SAS platform would present to read the unscheduled-care slots (FHIR). */
export const E2E_SAS_API_KEY = 'cle-sas-des-tests-de-bout-en-bout-0123456789';
/** The local OpenID provider standing in for Pro Santé Connect (`e2e/psc-provider.ts`). */
export const E2E_PSC_PORT = E2E_PORT + 1;
export const E2E_PSC_ISSUER = `http://127.0.0.1:${E2E_PSC_PORT}`;
