// Small PNG "photos" for the demo's evidence: a sky, the ground and the problem drawn as a blot, seeded by a
// name so every run gives the same picture. Encoded by hand (zlib + CRC) so no image library is needed.
import { crc32, deflateSync } from 'node:zlib';

export type DemoScene = 'road' | 'yard' | 'night' | 'water' | 'snow' | 'park';

type Rgb = [number, number, number];

const SCENES: Record<DemoScene, { sky: Rgb; ground: Rgb; blot: Rgb; horizon: number }> = {
  road: { sky: [150, 190, 230], ground: [105, 105, 110], blot: [45, 40, 38], horizon: 0.45 },
  yard: { sky: [170, 200, 235], ground: [110, 150, 80], blot: [120, 90, 60], horizon: 0.5 },
  night: { sky: [20, 25, 60], ground: [50, 50, 55], blot: [240, 210, 90], horizon: 0.55 },
  water: { sky: [160, 195, 225], ground: [120, 110, 95], blot: [70, 120, 170], horizon: 0.4 },
  snow: { sky: [200, 210, 225], ground: [235, 238, 245], blot: [150, 150, 160], horizon: 0.42 },
  park: { sky: [140, 190, 240], ground: [80, 140, 70], blot: [200, 60, 50], horizon: 0.48 },
};

/** A tiny deterministic generator (mulberry32), so the same name always gives the same picture. */
function random(seedText: string): () => number {
  let seed = 0;
  for (const ch of seedText) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A width × height RGB PNG of the scene. */
export function demoPhoto(scene: DemoScene, name: string, width = 320, height = 240): Buffer {
  const s = SCENES[scene];
  const rnd = random(name);
  const cx = width * (0.3 + rnd() * 0.4);
  const cy = height * (s.horizon + 0.15 + rnd() * 0.2);
  const rx = width * (0.12 + rnd() * 0.12);
  const ry = height * (0.06 + rnd() * 0.08);
  const horizon = Math.round(height * s.horizon);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      let c: Rgb;
      if (y < horizon) {
        const k = y / horizon;
        c = [s.sky[0] * (1 - 0.25 * k), s.sky[1] * (1 - 0.15 * k), s.sky[2]];
      } else {
        const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
        c = d < 1 ? s.blot : s.ground;
      }
      const noise = (rnd() - 0.5) * 18;
      row[1 + x * 3] = Math.max(0, Math.min(255, c[0] + noise));
      row[2 + x * 3] = Math.max(0, Math.min(255, c[1] + noise));
      row[3 + x * 3] = Math.max(0, Math.min(255, c[2] + noise));
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
