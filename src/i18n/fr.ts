/**
 * Every French string of the interface, one file per feature in `fr/`, gathered here so that other
 * languages can follow. Imported as a namespace (`import * as fr from '…/i18n/fr'`), so a screen's
 * code carries only the features it names (`fr.directory`, `fr.requests`…), not the whole catalogue.
 */
export { app, session, sync, storage, update, forms, errors } from './fr/shell';
export { protection } from './fr/device';
export { lostEdits } from './fr/lost-edits';
export { directory } from './fr/directory';
export { availability, profile } from './fr/profile';
export { picker, map } from './fr/map';
export { rpps } from './fr/rpps';
export { requests } from './fr/requests';
export { registration, verification, password } from './fr/registration';
export { coordination, technical } from './fr/coordination';
export { supervision } from './fr/supervision';
export { indicators } from './fr/indicators';
