// Makes the walkthrough's images (media/walkthrough/*.jpg) from the screenshots the integration
// suite saved in test-artifacts/screenshots: scaled to 960 px and JPEG-encoded in Chromium, so the
// .vsix stays small. Run after `npm run test:integration`:
//   node --import tsx scripts/walkthrough-images.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(__dirname, '..');
const shots = path.join(root, 'test-artifacts', 'screenshots');
const out = path.join(root, 'media', 'walkthrough');
/** walkthrough image ← screenshot of the integration suite. */
const STEPS: Record<string, string> = {
  'create-plan': 'sessions-view',
  'start-session': 'status-timer',
  'launch-task': 'terminals',
  'write-handoff': 'handoff-note',
  'generate-aar': 'report-webview-host',
};

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.MARATHON_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    for (const [step, shot] of Object.entries(STEPS)) {
      const file = path.join(shots, `${shot}.png`);
      if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run test:integration first`);
      const png = `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;
      // A string, evaluated in the page: this project compiles without the DOM library.
      const jpeg = (await page.evaluate(`(async () => {
        const img = new Image();
        img.src = ${JSON.stringify(png)};
        await img.decode();
        const w = 960, h = Math.round(img.height * 960 / img.width);
        const c = document.createElement('canvas');
        c.width = w; c.height = h;
        const g = c.getContext('2d');
        g.imageSmoothingQuality = 'high';
        g.drawImage(img, 0, 0, w, h);
        return c.toDataURL('image/jpeg', 0.72);
      })()`)) as string;
      const bytes = Buffer.from(jpeg.slice(jpeg.indexOf(',') + 1), 'base64');
      fs.writeFileSync(path.join(out, `${step}.jpg`), bytes);
      console.log(`${step}.jpg ← ${shot}.png (${(bytes.length / 1024).toFixed(0)} KB)`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
