// The reverse-proxy and Prometheus examples in deploy/ are the README's: each is checked by its own tool where
// it is installed (`nginx -t`, `caddy validate`, `promtool check`; skipped otherwise), and the proxies keep
// /metrics from the public.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const deploy = path.resolve(import.meta.dirname, '../deploy');
const has = (cmd: string, arg: string) => spawnSync(cmd, [arg]).status === 0;
const nginx = has('nginx', '-v');
const caddy = has('caddy', 'version');
const openssl = has('openssl', 'version');
const promtool = has('promtool', '--version');

describe('reverse proxy examples', () => {
  it.skipIf(!nginx || !openssl)('nginx: nginx -t accepts deploy/nginx/azamat.conf', () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'azamat-nginx-'));
    try {
      // certbot's files and nginx's log folder stand in a scratch folder
      const live = path.join(scratch, 'live/azamat.akimat.example.kz');
      mkdirSync(live, { recursive: true });
      const cert = spawnSync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=azamat.akimat.example.kz',
        '-keyout',
        path.join(live, 'privkey.pem'),
        '-out',
        path.join(live, 'fullchain.pem'),
      ]);
      expect(cert.status).toBe(0);
      const site = readFileSync(path.join(deploy, 'nginx/azamat.conf'), 'utf8').replaceAll('/etc/letsencrypt', scratch).replaceAll('/var/log/nginx', scratch);
      writeFileSync(path.join(scratch, 'site.conf'), site);
      writeFileSync(path.join(scratch, 'nginx.conf'), `events {}\nhttp { include ${path.join(scratch, 'site.conf')}; }\n`);
      const r = spawnSync('nginx', ['-t', '-c', path.join(scratch, 'nginx.conf'), '-g', `pid ${scratch}/nginx.pid; error_log ${scratch}/error.log;`], {
        encoding: 'utf8',
      });
      expect(r.stderr).toContain('test is successful');
      expect(r.stderr).not.toContain('[warn]');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it.skipIf(!caddy)('caddy: caddy validate accepts deploy/caddy/Caddyfile', () => {
    const r = spawnSync('caddy', ['validate', '--config', path.join(deploy, 'caddy/Caddyfile'), '--adapter', 'caddyfile'], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toContain('Valid configuration');
    expect(r.status).toBe(0);
  });

  it.skipIf(!promtool)('prometheus: promtool accepts the scrape configuration and the alert rules', () => {
    const r = spawnSync('promtool', ['check', 'config', path.join(deploy, 'prometheus/prometheus.yml')], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toMatch(/SUCCESS: \d+ rules found/);
    expect(r.status).toBe(0);
  });

  it('both pass the app the headers it trusts and hide /metrics', () => {
    const n = readFileSync(path.join(deploy, 'nginx/azamat.conf'), 'utf8');
    for (const h of ['X-Forwarded-For', 'X-Forwarded-Proto', 'X-Forwarded-Host']) expect(n).toContain(`proxy_set_header ${h}`);
    expect(n).toMatch(/location = \/metrics \{\s+return 404;/);
    expect(readFileSync(path.join(deploy, 'caddy/Caddyfile'), 'utf8')).toContain('respond /metrics 404');
  });
});
