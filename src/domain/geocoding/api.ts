/** What the address search sends (`GET /api/geocode?q=…`): candidate places for a patient's address on the map, best first. */

export interface Place {
  label: string;
  lat: number;
  lon: number;
  /** True when only the commune was recognised: the place is its centre. */
  approximate: boolean;
}

export interface GeocodeAnswer {
  places: Place[];
}
