// `node scripts/marketplace-images.mjs`: the Marketplace pictures, drawn by Chromium (no image library):
// images/icon.png (128 x 128, from media/portfolio.svg on a tile) and small copies of the e2e screenshots
// (`npm run test:screenshots` writes them to test/e2e/screenshots/) for the README.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shots = process.argv[2] ?? path.join(root, 'test', 'e2e', 'screenshots');
const out = path.join(root, 'images');
const WIDTH = 960;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  const glyph = fs.readFileSync(path.join(root, 'media', 'portfolio.svg'), 'utf8').replace('stroke="currentColor"', 'stroke="#ffffff"');
  await page.setContent(`<body style="margin:0;background:transparent">
    <div style="width:128px;height:128px;border-radius:24px;background:linear-gradient(135deg,#1d4f91,#2f7dd1);display:flex;align-items:center;justify-content:center">
      <div style="width:96px;height:96px">${glyph.replace('width="24" height="24"', 'width="96" height="96"')}</div>
    </div></body>`);
  await page.screenshot({ path: path.join(out, 'icon.png'), omitBackground: true });

  fs.mkdirSync(path.join(out, 'screenshots'), { recursive: true });
  for (const name of ['charter-problems.png', 'portfolio-tree.png', 'dashboard.png']) {
    const source = path.join(shots, name);
    if (!fs.existsSync(source)) {
      console.log(`skipped ${name}: not in ${shots} (run npm run test:screenshots)`);
      continue;
    }
    const shot = await browser.newPage({ viewport: { width: WIDTH, height: Math.round((WIDTH * 900) / 1440) } });
    await shot.setContent(`<body style="margin:0"><img src="data:image/png;base64,${fs.readFileSync(source).toString('base64')}" style="width:${WIDTH}px;display:block"></body>`);
    await shot.screenshot({ path: path.join(out, 'screenshots', name) });
    await shot.close();
  }
} finally {
  await browser.close();
}
for (const file of ['icon.png', ...fs.readdirSync(path.join(out, 'screenshots')).map((f) => `screenshots/${f}`)]) {
  console.log(`${file}: ${Math.round(fs.statSync(path.join(out, file)).size / 1024)} KiB`);
}
