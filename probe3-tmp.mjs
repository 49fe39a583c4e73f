import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
const dir = '/tmp/pw-quota-probe/mnt3';
const leave = Number(process.argv[2] ?? 2048);
mkdirSync(dir, { recursive: true });
execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir]);
const server = createServer((q, r) => { r.setHeader('content-type', 'text/html'); r.end('<p>hi</p>'); }).listen(18603);
let ctx;
try {
  ctx = await chromium.launchPersistentContext(dir + '/profile', { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true });
  ctx.on('close', () => console.log('context closed'));
  const page = ctx.pages()[0] ?? await ctx.newPage();
  page.on('console', (m) => console.log('page:', m.text()));
  page.on('crash', () => console.log('page crashed'));
  await page.goto('http://127.0.0.1:18603/');
  await page.evaluate(async () => { const db = await new Promise((res) => { const o = indexedDB.open('k', 1); o.onupgradeneeded = () => o.result.createObjectStore('s'); o.onsuccess = () => res(o.result); }); window.__db = db; });
  const avail = Number(execFileSync('df', ['-k', '--output=avail', dir]).toString().split('\n')[1]);
  try { execFileSync('dd', ['if=/dev/zero', `of=${dir}/big`, 'bs=1k', `count=${avail - leave}`], { stdio: 'pipe' }); } catch (e) { console.log('dd', String(e.stderr)); }
  console.log('df', execFileSync('df', ['-k', dir]).toString().split('\n')[1]);
  const res = await page.evaluate(async () => {
    const out = [];
    const rnd = (n) => { let t = ''; while (t.length < n) { const b = crypto.getRandomValues(new Uint8Array(48000)); t += btoa(String.fromCharCode(...b)); } return t.slice(0, n); };
    const put = (v, k) => new Promise((res) => { const tx = window.__db.transaction('s', 'readwrite'); tx.objectStore('s').put(v, k); tx.oncomplete = () => res('ok'); tx.onabort = () => res(JSON.stringify({ name: tx.error?.name, message: tx.error?.message })); });
    for (let i = 0; i < 10; i++) { const r = await put(rnd(1048576), 'big' + i); console.log('big ' + i + ' ' + r); out.push('big ' + r); }
    for (let i = 0; i < 200; i++) { const r = await put(rnd(16384), 'small' + i); console.log('small ' + i + ' ' + r); if (r !== 'ok') { out.push('small 16KB #' + i + ' ' + r); if (out.length > 16) break; } }
    out.push(JSON.stringify(await navigator.storage.estimate()));
    return out;
  });
  console.log(res.join('\n'));
  console.log('df', execFileSync('df', ['-k', dir]).toString().split('\n')[1]);
} catch (e) { console.log('ERR', e.message.split('\n')[0]); } finally {
  await ctx?.close().catch(() => {}); server.close(); execFileSync('umount', [dir]);
}
