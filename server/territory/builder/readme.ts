/** The README written beside a built territory's data: what it holds, where each part comes from, under which licence. */

export interface ReadmeFacts {
  name: string;
  communes: number;
  population: number;
  departements: string[];
  kept: number;
  bytes: number;
  apiUrl: string;
  now: Date;
}

export function territoryReadme(f: ReadmeFacts): string {
  const n = (v: number) => v.toLocaleString('fr-FR');
  return `# ${f.name}

Built by \`npm run territory\` on ${f.now.toISOString().slice(0, 10)}: ${n(f.communes)} communes, ${n(f.population)} inhabitants, département(s) ${f.departements.join(', ')}.

| file | what | source |
|---|---|---|
| \`territory.json\` | name, short name, the platform's phone and e-mail (**check them**), time zone, demo e-mail domain, radius overrides per request type, old commune codes and names still found in national files | this builder; old codes from \`@etalab/decoupage-administratif\` |
| \`communes.json\` | INSEE code, name, postcodes, population, centre \`[lon, lat]\` of each commune | codes, names, postcodes, population: \`@etalab/decoupage-administratif\` (INSEE); centres: ${f.apiUrl} |
| \`communes.geojson\` | one outline per commune, simplified together (neighbours keep a common border) to ${n(Math.round(f.bytes / 1024))} KB, ${Math.round(f.kept * 100)} % of the vertices kept | ${f.apiUrl} (\`fields=contour\`), from IGN Admin Express |
| \`outline.geojson\` | the territory's outer limit, merged from the same outlines | derived |
| \`offer.json\` | professionals and structures, for the demo directory | **national densities per 100,000 inhabitants**: replace with the territory's own counts |

Licence: INSEE and IGN data are published under the Licence Ouverte / Etalab 2.0
(https://www.etalab.gouv.fr/licence-ouverte-open-licence); cite « INSEE, IGN — Admin Express,
via geo.api.gouv.fr » when you reuse them.
`;
}
