/** The territory map inside the request form, loaded (with Leaflet) only when the user asks to pick on it. */
import { createResource, Show } from 'solid-js';
import type { Point } from '../domain/geo';
import { loadOutlines } from '../map/outlines';
import { TerritoryMap } from '../map/TerritoryMap';
import type { TerritoryMap as MapApi } from '../map/territory-map';

export default function PickMap(props: { place: Point | undefined; radiusKm: number; onMove(point: Point): void; ref(api: MapApi): void }) {
  const [outlines] = createResource(loadOutlines);
  const none = () => undefined;
  return (
    <Show when={outlines()}>
      {(features) => (
        <div class="pick-map">
          <TerritoryMap
            outlines={features()}
            points={[]}
            describe={() => ''}
            patient={props.place}
            radiusKm={props.radiusKm}
            highlighted={null}
            onSelect={none}
            onHover={none}
            onStack={none}
            onPatientMove={(p) => props.onMove(p)}
            ref={(api) => props.ref(api)}
          />
        </div>
      )}
    </Show>
  );
}
