/** Every French string of the interface, one file per feature in `fr/`, gathered here so that other languages can follow. */
import { app, session, sync, storage, update, forms, errors } from './fr/shell';
import { lostEdits, protection } from './fr/device';
import { directory, availability, profile, picker, map } from './fr/directory';
import { rpps } from './fr/rpps';
import { requests } from './fr/requests';
import { registration, verification, password } from './fr/registration';
import { coordination, technical } from './fr/coordination';
import { supervision } from './fr/supervision';
import { indicators } from './fr/indicators';

export const fr = {
  app,
  session,
  sync,
  storage,
  lostEdits,
  protection,
  directory,
  availability,
  profile,
  rpps,
  map,
  picker,
  requests,
  update,
  forms,
  registration,
  verification,
  password,
  coordination,
  technical,
  supervision,
  indicators,
  errors,
} as const;
