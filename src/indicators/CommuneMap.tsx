/** The small choropleth: the territory's communes coloured by their number of requests, with a legend; a click filters on the commune. */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { createEffect, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import { addFrenchControls, WITHOUT_DEFAULT_CONTROLS } from '../map/french-controls';
import { loadOutlines } from '../map/outlines';
import type { CommuneFeature } from '../map/outline';
import { classBreaks, colourOf, legendOf, NONE } from './choropleth';

const t = fr.indicators;

export function CommuneMap(props: { counts: Record<string, number>; selected: string; onSelect(insee: string): void }) {
  const [outlines] = createResource(loadOutlines);
  const breaks = () => classBreaks(Object.values(props.counts));
  let element!: HTMLDivElement;
  let layer: L.GeoJSON | undefined;
  let map: L.Map | undefined;
  let resized: ResizeObserver | undefined;
  const [drawn, setDrawn] = createSignal(false);

  createEffect(() => {
    const features = outlines();
    if (!features || map) return;
    map = L.map(element, { zoomSnap: 0.25, scrollWheelZoom: false, attributionControl: false, ...WITHOUT_DEFAULT_CONTROLS });
    addFrenchControls(map);
    layer = L.geoJSON({ type: 'FeatureCollection', features } as unknown as GeoJSON.FeatureCollection, {
      onEachFeature: (feature, l) => {
        const { insee } = (feature as unknown as CommuneFeature).properties;
        l.on('click', () => props.onSelect(props.selected === insee ? '' : insee));
      },
    }).addTo(map);
    map.fitBounds(layer.getBounds());
    element.setAttribute('aria-label', t.mapLabel);
    // Leaflet only follows the window's size; the grid moves this panel when the layout changes.
    resized = new ResizeObserver(() => {
      map?.invalidateSize();
      if (layer) map?.fitBounds(layer.getBounds());
    });
    resized.observe(element);
    setDrawn(true);
  });
  // Restyled, never rebuilt, when the figures or the selection change.
  createEffect(() => {
    const counts = props.counts;
    const b = breaks();
    const selected = props.selected;
    if (!drawn() || !layer) return;
    layer.eachLayer((l) => {
      const feature = (l as L.GeoJSON & { feature: CommuneFeature }).feature;
      const { insee, name } = feature.properties;
      const n = counts[insee] ?? 0;
      (l as L.Path).setStyle({ fillColor: colourOf(n, b), fillOpacity: 0.85, color: insee === selected ? '#a3161b' : '#084566', weight: insee === selected ? 3 : 0.8 });
      (l as L.Path).unbindTooltip().bindTooltip(t.communeTooltip(name, n), { sticky: true });
      (l as L.Path).getElement()?.setAttribute('data-insee', insee);
    });
  });
  onCleanup(() => {
    resized?.disconnect();
    map?.remove();
  });

  return (
    <div class="choropleth" data-testid="commune-map">
      <div ref={element} class="choropleth__map" />
      <Show when={breaks().length > 0}>
        <ul class="choropleth__legend" aria-label={t.legend}>
          <li>
            <span class="swatch" style={{ background: NONE }} /> 0
          </li>
          <For each={legendOf(breaks())}>
            {(item) => (
              <li>
                <span class="swatch" style={{ background: item.colour }} /> {item.from === item.to ? item.to : `${item.from} – ${item.to}`}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
