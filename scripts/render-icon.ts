// Renders media/icon.svg to media/icon.png (128×128, transparent corners) with Debian's chromium
// through playwright-core: `node --import tsx scripts/render-icon.ts`.
// `--preview <dir>` also writes previews to look at: the icon on light and dark backgrounds and
// at 32 px, and the activity-bar icon (media/marathon.svg) at 24 and 16 px in light and dark colours.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const root = path.resolve(__dirname, '..');
const media = path.join(root, 'media');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ICON_SIZE = 128;

function dataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

async function shoot(page: Page, html: string, width: number, height: number, out: string): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${html}</body></html>`);
  // A string, so this Node-typed script needs no DOM types: wait until every image has decoded.
  await page.evaluate('Promise.all(Array.from(document.images, (img) => img.decode()))');
  await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width, height } });
}

async function main(): Promise<number> {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} is missing: run \`bash scripts/setup-host.sh\` first (or set CHROMIUM_PATH).`);
    return 1;
  }
  const previewAt = process.argv.indexOf('--preview');
  const previewDir = previewAt >= 0 ? process.argv[previewAt + 1] : undefined;
  const icon = fs.readFileSync(path.join(media, 'icon.svg'), 'utf8');
  const bar = fs.readFileSync(path.join(media, 'marathon.svg'), 'utf8');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const out = path.join(media, 'icon.png');
    await shoot(page, `<img src="${dataUri(icon)}" width="${ICON_SIZE}" height="${ICON_SIZE}" style="display:block">`, ICON_SIZE, ICON_SIZE, out);
    console.log(`wrote ${path.relative(root, out)}`);

    if (previewDir) {
      fs.mkdirSync(previewDir, { recursive: true });
      const tile = (bg: string, size: number) =>
        `<div style="background:${bg};padding:16px;display:inline-block"><img src="${dataUri(icon)}" width="${size}" height="${size}" style="display:block"></div>`;
      await shoot(page, `<div style="display:flex">${tile('#ffffff', 128)}${tile('#1e1e1e', 128)}${tile('#f3f3f3', 32)}${tile('#252526', 32)}</div>`, 448, 160, path.join(previewDir, 'icon-preview.png'));
      // VS Code paints an activity-bar icon in one colour through a CSS mask, so preview it that way.
      const masked = (fg: string, bg: string, size: number) =>
        `<div style="background:${bg};padding:12px;display:inline-block"><div style="width:${size}px;height:${size}px;background:${fg};-webkit-mask:url('${dataUri(bar)}') center/contain no-repeat"></div></div>`;
      const row = (fg: string, bg: string, dim: string) =>
        `<div style="display:flex">${masked(fg, bg, 24)}${masked(dim, bg, 24)}${masked(fg, bg, 16)}${masked(fg, bg, 96)}</div>`;
      await shoot(page, row('#424242', '#f8f8f8', '#9e9e9e') + row('#ffffff', '#333333', '#858585'), 280, 240, path.join(previewDir, 'marathon-preview.png'));
      console.log(`wrote previews to ${previewDir}`);
    }
  } finally {
    await browser.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
