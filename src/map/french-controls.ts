/** Leaflet's own controls in French: zoom buttons and the attribution's prefix. */
import L from 'leaflet';
import * as fr from '../i18n/fr';

/** The options that leave the default (English) zoom control out, to be added by `addFrenchControls`. */
export const WITHOUT_DEFAULT_CONTROLS = { zoomControl: false } as const;

export function addFrenchControls(map: L.Map): void {
  L.control.zoom({ zoomInTitle: fr.map.zoomIn, zoomOutTitle: fr.map.zoomOut }).addTo(map);
  map.attributionControl?.setPrefix(`<a href="https://leafletjs.com" title="${fr.map.leafletTitle}">Leaflet</a>`);
}
