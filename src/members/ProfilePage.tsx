/** `/profil`: the member edits their own contact details, practice address and signature, offline if need be. */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { Member } from '../domain/members/schema';
import type { Commune } from '../domain/territory/communes';
import * as fr from '../i18n/fr';
import { DeviceProtection } from '../protection/DeviceProtection';
import { useSession } from '../session/session';
import { loadCommunes } from '../territory/communes';
import { updateMember } from './commands';
import { MssanteSection } from './MssanteSection';
import { SlotsSection } from '../slots/SlotsSection';
import { professionLine } from './format';
import { createMemberEntry, type MemberEntry } from './queries';
import { StatusNotice } from '../shell/StatusNotice';

const OUTSIDE = '';

/** The changes a submitted form makes; a moved address gets its commune's centroid until the server geocodes it. */
function changesFrom(form: HTMLFormElement, entry: MemberEntry, communes: Commune[]): Partial<Member> {
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
  const commune = communes.find((c) => c.insee === value('communeInsee'));
  const address: Member['address'] = {
    street: value('street'),
    postcode: value('postcode'),
    commune: commune?.name ?? value('communeOther'),
    ...(commune ? { communeInsee: commune.insee } : {}),
  };
  const phones: Member['phones'] = {};
  if (value('mobile')) phones.mobile = value('mobile');
  if (value('landline')) phones.landline = value('landline');
  const changes: Partial<Member> = {
    phones,
    address,
    signature: value('signature'),
    smsAlerts: (form.elements.namedItem('smsAlerts') as HTMLInputElement).checked,
  };
  if (value('email')) changes.email = value('email');
  const moved = JSON.stringify(address) !== JSON.stringify(entry.address);
  if (moved) {
    const [lon, lat] = commune?.centroid ?? [entry.location.lon, entry.location.lat];
    changes.location = { lat, lon, approximate: true };
  }
  return changes;
}

export default function ProfilePage() {
  const session = useSession();
  const member = createMemberEntry(() => session.user()?.memberId);
  const [communes] = createResource(() => loadCommunes().catch(() => [] as Commune[]));
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);

  async function submit(e: SubmitEvent, entry: MemberEntry) {
    e.preventDefault();
    const user = session.user();
    if (!user) return;
    const result = await updateMember(user, user.memberId, changesFrom(e.currentTarget as HTMLFormElement, entry, communes() ?? []));
    setMessage(result.ok ? { text: navigator.onLine ? fr.availability.saved : fr.availability.savedPending, error: false } : { text: result.message, error: true });
  }

  return (
    <section class="stack" aria-labelledby="profile-title">
      <h1 id="profile-title" class="page-title">
        {fr.profile.title}
      </h1>
      <Show when={member()} fallback={<p class="notice">{fr.availability.notFound}</p>}>
        {(entry) => (
          <form class="stack" onSubmit={(e) => void submit(e, entry())} data-testid="profile-form">
            <p>
              <strong>{entry().displayName}</strong> — {professionLine(entry())}
              <br />
              <span class="muted">{fr.profile.readOnly}</span>
            </p>
            <fieldset class="panel">
              <legend>{fr.profile.contact}</legend>
              <Field name="mobile" label={fr.profile.mobile} type="tel" value={entry().phones?.mobile} />
              <Field name="landline" label={fr.profile.landline} type="tel" value={entry().phones?.landline} />
              <Field name="email" label={fr.profile.email} type="email" value={entry().email} />
              <label class="check">
                <input type="checkbox" name="smsAlerts" checked={entry().smsAlerts ?? false} />
                {fr.availability.smsAlerts}
              </label>
            </fieldset>
            <fieldset class="panel">
              <legend>{fr.profile.address}</legend>
              <Field name="street" label={fr.profile.street} value={entry().address.street} />
              <Field name="postcode" label={fr.profile.postcode} value={entry().address.postcode} />
              <label class="field">
                <span class="field__label">{fr.profile.commune}</span>
                <select class="field__input" name="communeInsee" value={entry().address.communeInsee ?? OUTSIDE}>
                  <For each={communes() ?? []}>{(c) => <option value={c.insee}>{c.name}</option>}</For>
                  <option value={OUTSIDE}>{fr.profile.outside}</option>
                </select>
              </label>
              <Field name="communeOther" label={fr.profile.communeOther} value={entry().address.communeInsee ? '' : entry().address.commune} />
              <Show when={entry().location.approximate}>
                <p class="muted">{fr.profile.approximate}</p>
              </Show>
            </fieldset>
            <label class="field">
              <span class="field__label">{fr.profile.signature}</span>
              <textarea class="field__input" name="signature" rows="4" maxLength={600}>
                {entry().signature ?? ''}
              </textarea>
            </label>
            <StatusNotice outcome={message()} testId="profile-message" />
            <button type="submit" class="button" data-testid="profile-save">
              {fr.profile.save}
            </button>
          </form>
        )}
      </Show>
      <MssanteSection />
      <SlotsSection />
      <DeviceProtection />
    </section>
  );
}

function Field(props: { name: string; label: string; value?: string; type?: string }) {
  return (
    <label class="field">
      <span class="field__label">{props.label}</span>
      <input class="field__input" name={props.name} type={props.type ?? 'text'} value={props.value ?? ''} />
    </label>
  );
}
