/** RxDB dev-mode for the development server only (loaded through `config.loadRxdbDevMode`, never in a production build). */
import { addRxPlugin, type RxStorage } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';

/** Turns dev-mode on and wraps the storage in the schema validator that dev-mode insists on. */
export function withDevMode<I, O>(storage: RxStorage<I, O>): RxStorage<I, O> {
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  return wrappedValidateAjvStorage({ storage });
}
