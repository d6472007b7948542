// The portal's map (issue 17, plan §3.6): an addition over the list of reports, never the only way in. Reads the
// points' URL, the tile template and the attribution from the container, draws each report as a circle in its
// status colour (red in work, green done, grey closed) with a dark outline, and a popup linking to its page.
// Points are vector circles, so they show even when the tile server cannot be reached.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

interface Feature {
  geometry: { coordinates: [number, number] };
  properties: { number: string; label: string; colour: string; href: string };
}

const KZ_CENTER: [number, number] = [48.0, 67.0];

async function start(el: HTMLElement): Promise<void> {
  // Shown first: the box is hidden until the script runs (no empty box without it), and Leaflet measures it.
  el.classList.add('ready');
  const map = L.map(el, { center: KZ_CENTER, zoom: 5, scrollWheelZoom: false });
  L.tileLayer(el.dataset.tiles!, { maxZoom: 19, attribution: el.dataset.attribution ?? '' }).addTo(map);
  const res = await fetch(el.dataset.points!, { headers: { accept: 'application/geo+json' } });
  if (!res.ok) return;
  const { features } = (await res.json()) as { features: Feature[] };
  const bounds: Array<[number, number]> = [];
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    // Text from the server goes in as text, never as HTML.
    const popup = document.createElement('a');
    popup.href = p.href;
    popup.textContent = `${p.number} · ${p.label}`;
    L.circleMarker([lat, lon], { radius: 7, color: '#111', weight: 2, fillColor: p.colour, fillOpacity: 0.9 }).bindPopup(popup).addTo(map);
    bounds.push([lat, lon]);
  }
  if (bounds.length > 0) map.fitBounds(bounds, { maxZoom: 15, padding: [20, 20], animate: false });
}

const el = document.getElementById('map');
if (el?.dataset.points) void start(el);
