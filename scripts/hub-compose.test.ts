import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { USAGE } from '../hub/cli-options.js';
import { PROVIDER_TOKEN_ENV } from '../hub/fleet/provider-auth.js';

/**
 * build/hub/compose.yaml and the nginx config it mounts, checked without containers: the file
 * parses, every path it names in the repository exists, everything only the operator has comes
 * in through a variable that hub.env.example lists, and nginx accepts its config.
 */
const dir = join(import.meta.dirname, '../build/hub');
// js-yaml comes with electron-builder; no YAML parser is a dependency of the product itself.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Service {
  image?: string;
  volumes?: string[];
  environment?: Record<string, string>;
  read_only?: boolean;
  cap_drop?: string[];
  network_mode?: string;
  networks?: unknown;
}
const composeText = readFileSync(join(dir, 'compose.yaml'), 'utf8');
const compose = load(composeText) as { services: Record<string, Service>; volumes: Record<string, unknown> };

describe('build/hub/compose.yaml', () => {
  it('runs the hub, PostgreSQL, coturn and an nginx TLS proxy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['coturn', 'hub', 'postgres', 'proxy']);
    expect(compose.services['hub']?.image).toMatch(/^localhost\/point-of-public\/hub:/);
    expect(compose.services['proxy']?.image).toMatch(/nginx/);
    expect(compose.services['coturn']?.image).toMatch(/coturn/);
  });

  it('names only files that exist, or variables for what the operator brings', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (source.startsWith('${') || source in compose.volumes) continue;
        expect(existsSync(resolve(dir, source)), `${name}: ${source}`).toBe(true);
      }
    }
  });

  it('asks for every variable it needs, all of them in hub.env.example', () => {
    const example = readFileSync(join(dir, 'hub.env.example'), 'utf8');
    const variables = new Set([...composeText.matchAll(/\$\{(\w+)/g)].map((m) => m[1] ?? ''));
    for (const variable of variables) expect(example, variable).toMatch(new RegExp(`^#?${variable}=`, 'm'));
  });

  it('gives the hub only settings it knows, and a locked-down container', () => {
    const hub = compose.services['hub'] ?? {};
    for (const name of Object.keys(hub.environment ?? {}))
      expect(name === PROVIDER_TOKEN_ENV || USAGE.includes(name), name).toBe(true);
    for (const name of ['hub', 'proxy']) {
      expect(compose.services[name]?.read_only, name).toBe(true);
      expect(compose.services[name]?.cap_drop, name).toEqual(['ALL']);
    }
    // The hub believes forwarded headers only from the proxy's fixed address.
    expect(composeText).toContain('ipv4_address: 10.89.40.10');
    expect(hub.environment?.['POP_TRUST_PROXY']).toBe('10.89.40.10');
  });
});

describe('build/hub/nginx.conf', () => {
  const work = mkdtempSync(join(tmpdir(), 'pop-nginx-conf-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('passes nginx -t (the upstream and the certificate placed for the test)', () => {
    const cert = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'].concat(
        ['-subj', '/CN=hub.test', '-keyout', join(work, 'privkey.pem'), '-out', join(work, 'fullchain.pem')],
      ),
      { encoding: 'utf8' },
    );
    expect(cert.status, cert.stderr).toBe(0);
    // nginx resolves upstream names at load time; "hub" exists only on the compose network.
    const config = readFileSync(join(dir, 'nginx.conf'), 'utf8')
      .replace('server hub:8080;', 'server 127.0.0.1:8080;')
      .replaceAll('/etc/nginx/tls/', `${work}/`)
      .replaceAll('/tmp/nginx', `${work}/nginx`);
    expect(config).not.toContain('/etc/nginx/tls');
    writeFileSync(join(work, 'nginx.conf'), config);
    const run = spawnSync('nginx', ['-t', '-p', work, '-c', join(work, 'nginx.conf')], { encoding: 'utf8' });
    expect(run.error, 'nginx is missing: apt-get install nginx-light').toBeUndefined();
    expect(run.stderr).toContain('test is successful');
    expect(run.status).toBe(0);
  });
});
