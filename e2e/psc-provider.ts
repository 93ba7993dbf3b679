/** The browser tests' stand-in for Pro Santé Connect, started by Playwright beside the app (`E2E_PSC_PORT`). */
import { startFakePsc } from '../server/testing/fake-psc';
import { E2E_PORT, E2E_PSC_PORT } from './env';

const app = `http://localhost:${E2E_PORT}`;
await startFakePsc(`${app}/api/auth/psc/callback`, `${app}/connexion`, { port: E2E_PSC_PORT, control: true });
console.log(`fournisseur Pro Santé Connect de test sur http://127.0.0.1:${E2E_PSC_PORT}`);
