// Pieces the portal's pages share: the filter forms' drop-downs, the tables of figures, the link to a place on
// OpenStreetMap. One markup each, so the pages look and read alike (and a fix to one is a fix to all).
import type { ComponentChildren } from 'preact';

export interface Option {
  code: string;
  name: string;
}

/** A drop-down of a GET filter form; `all` (when given) is the first choice, with an empty value. */
export function Select({ id, label, value, options, all }: { id: string; label: string; value?: string; options: Option[]; all?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => (
          <option value={o.code} selected={o.code === value} key={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A table of figures: one row per [label, value], the label as the row's header, `head` naming the two columns. */
export function FigureTable({ caption, head, rows }: { caption: string; head: [string, string]; rows: Array<[string, ComponentChildren]> }) {
  return (
    <table class="stats">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head[0]}</th>
          <th scope="col">{head[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A fact of a page: its term and value; false, null or undefined leaves it out. */
export type Fact = [term: string, value: ComponentChildren] | false | null | undefined;

/** A page's facts as a description list, in the given order. */
export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl class="facts">
      {facts.map(
        (f) =>
          f && (
            <>
              <dt>{f[0]}</dt>
              <dd>{f[1]}</dd>
            </>
          ),
      )}
    </dl>
  );
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** A paragraph with a link to the place on OpenStreetMap, to 3 decimals as the portal shows every place (nothing without a position). */
export function OsmLink({ lat, lon, label }: { lat: number | null; lon: number | null; label: string }) {
  if (lat == null || lon == null) return null;
  const [y, x] = [r3(lat), r3(lon)];
  return (
    <p>
      <a href={`https://www.openstreetmap.org/?mlat=${y}&mlon=${x}#map=17/${y}/${x}`}>{label}</a>
    </p>
  );
}
