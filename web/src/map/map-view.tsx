// A Leaflet map. Points are drawn as vector circles, not image pins, so they show even when the tile
// server cannot be reached (offline tests, a closed network in an akimat): the tiles are background only.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../context.ts';

export interface MapPoint {
  lat: number;
  lon: number;
  /** shown in the popup and as the tooltip */
  label: string;
  colour?: string;
  /** opened when the point is clicked (a console link) */
  href?: string;
}

export interface MapViewProps {
  points: MapPoint[];
  /** the view when there are no points: the centre of Kazakhstan */
  center?: [number, number];
  zoom?: number;
  height?: number;
  /** called with the href of a clicked point */
  onOpen?(href: string): void;
}

const KZ_CENTER: [number, number] = [48.0, 67.0];

export function MapView({ points, center = KZ_CENTER, zoom = 5, height = 320, onOpen }: MapViewProps) {
  const { config } = useApp();
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { center, zoom, scrollWheelZoom: false, attributionControl: true });
    L.tileLayer(config.mapTileUrl, { maxZoom: 19, attribution: config.mapAttribution }).addTo(m);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      // A pan or zoom still running when the screen goes would touch the removed panes
      // («Cannot read properties of undefined (reading '_leaflet_pos')»): stop it first.
      m.stop();
      m.off();
      m.remove();
      map.current = null;
    };
  }, [config.mapTileUrl]);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    for (const p of points) {
      const marker = L.circleMarker([p.lat, p.lon], { radius: 8, color: '#fff', weight: 2, fillColor: p.colour ?? '#d62728', fillOpacity: 0.9 });
      // Labels hold admin-edited names: text, never HTML.
      const tip = document.createElement('span');
      tip.textContent = p.label;
      marker.bindTooltip(tip);
      if (p.href && onOpen) marker.on('click', () => onOpen(p.href!));
      marker.addTo(group);
    }
    // Without animation: the view is set once per data, and an animation is what outlives a quick leave.
    if (points.length === 1) m.setView([points[0]!.lat, points[0]!.lon], 15, { animate: false });
    else if (points.length > 1)
      m.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon] as [number, number])), { padding: [24, 24], maxZoom: 15, animate: false });
  }, [points, map.current]);

  return <div class="map" ref={el} style={{ height: `${height}px` }} data-points={points.length} />;
}
