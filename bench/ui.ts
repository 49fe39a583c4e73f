/**
 * bench:ui — the citizen interface's three budgets, side by side in one run:
 * - search latency per keystroke over 8,600 generated services (LeiKa's size), typed key by key;
 * - kiosk cold start offline to an interactive catalogue (bench/startup.ts, fewer runs);
 * - initial JavaScript of the kiosk page, gzipped (what index.html loads before anything lazy).
 * Needs a build (npm run build). Prints its figures as one JSON line last.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { demoContent } from '../demo/demo-content.js';
import type { Service } from '../protocol/catalog.js';
import { buildCatalogIndex } from '../renderer/kiosk/search/catalog-search.js';

const SERVICES = 8_600;
const root = join(import.meta.dirname, '..');

// Generated services: real demo services under many names, so the index has LeiKa's size and a
// realistic vocabulary of German compounds.
const SUBJECTS = [
  'Hunde',
  'Kinder',
  'Gewerbe',
  'Bau',
  'Wasser',
  'Abfall',
  'Grund',
  'Fischerei',
  'Jagd',
  'Wald',
  'Straßen',
  'Schul',
  'Wahl',
  'Vereins',
  'Sport',
  'Friedhofs',
  'Markt',
  'Gaststätten',
  'Fahrzeug',
  'Sozial',
];
const OBJECTS = [
  'steuer',
  'genehmigung',
  'erlaubnis',
  'bescheinigung',
  'anmeldung',
  'abmeldung',
  'zuschuss',
  'ausweis',
  'register',
  'gebühr',
  'förderung',
  'auskunft',
  'antrag',
  'karte',
  'schein',
];
const VERBS = ['beantragen', 'anmelden', 'abmelden', 'ändern', 'verlängern', 'anzeigen', 'prüfen lassen'];

function generate(count: number): Service[] {
  const services: Service[] = [...demoContent.services];
  for (let i = services.length; i < count; i++) {
    const base = demoContent.services[i % demoContent.services.length] as Service;
    const subject = SUBJECTS[i % SUBJECTS.length] ?? '';
    const object = OBJECTS[Math.floor(i / SUBJECTS.length) % OBJECTS.length] ?? '';
    const verb = VERBS[Math.floor(i / (SUBJECTS.length * OBJECTS.length)) % VERBS.length] ?? '';
    const name = `${subject}${object} ${verb}`;
    // Each generated service has its own words, as LeiKa entries do; only the structure is copied.
    services.push({
      ...base,
      id: `svc-${i}`,
      leikaKey: String(99_000_000_000_000 + i),
      name: { de: `${name} (${Math.floor(i / 2100) + 1})` },
      shortText: { de: `${subject}${object}: ${verb}. Zuständig ist die Gemeinde.` },
      keywords: [`${subject}${object}`, object, subject],
      lifeSituationIds: i % 7 === 0 ? base.lifeSituationIds : [],
    });
  }
  return services;
}

const QUERIES = [
  'Personalausweis',
  'ummelden',
  'Hundesteuer anmelden',
  'Fürungszeugnis',
  'Baum fällen',
  'Perso verloren',
  'Gewerbeanmeldung',
  'Wohngeld',
  'Sperrmüll',
  'Kindergarten',
];

function searchLatency(): { p50: number; p95: number; max: number; keystrokes: number; indexMs: number } {
  const services = generate(SERVICES);
  const started = performance.now();
  const index = buildCatalogIndex(services, 'de', demoContent.lifeSituations);
  const indexMs = performance.now() - started;
  for (const query of QUERIES) index.search(query); // warm-up: JIT, not the citizen
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const query of QUERIES) {
      for (let length = 1; length <= query.length; length++) {
        const t0 = performance.now();
        index.search(query.slice(0, length));
        samples.push(performance.now() - t0);
      }
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: samples.at(-1) ?? 0, keystrokes: samples.length, indexMs };
}

function initialJsGzipBytes(): { total: number; files: string[] } {
  const html = readFileSync(join(root, 'dist/renderer/kiosk/index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  let total = 0;
  for (const file of files)
    total += gzipSync(readFileSync(join(root, 'dist/renderer', file)), { level: 9 }).length;
  return { total, files };
}

function startupMedian(): number {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/startup.ts')], {
    env: { ...process.env, POP_BENCH_RUNS: process.env['POP_BENCH_RUNS'] ?? '5' },
    encoding: 'utf8',
  });
  const last = output.trim().split('\n').at(-1) ?? '{}';
  return (JSON.parse(last) as { startup_ms_median: number }).startup_ms_median;
}

const search = searchLatency();
console.log(
  `search: ${search.keystrokes} keystrokes over ${SERVICES} services, index built in ${Math.round(search.indexMs)} ms, max ${search.max.toFixed(2)} ms`,
);
const js = initialJsGzipBytes();
console.log(`initial JS: ${js.files.join(', ')}`);
const startup = startupMedian();
const round2 = (n: number) => Math.round(n * 100) / 100;
console.log(
  JSON.stringify({
    search_p50_ms: round2(search.p50),
    search_p95_ms: round2(search.p95),
    startup_ms_median: startup,
    initial_js_gzip_bytes: js.total,
    services: SERVICES,
    search_index_build_ms: Math.round(search.indexMs),
  }),
);
