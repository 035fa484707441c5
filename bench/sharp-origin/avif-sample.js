'use strict';

// sharp's side of bench/avif-curve.sh: resizes a photo to a width as the sharp origin does, encodes it with
// avif() at sharp's defaults (quality 50, effort 4), writes the file and prints one JSON line with its size and
// the median encode time of the already resized pixels over ROUNDS runs, on one libvips thread (imgorigin's AVIF
// encoder uses one thread per image as well).
//   node avif-sample.js INPUT WIDTH OUTPUT [ROUNDS]

const fs = require('node:fs');
const sharp = require('sharp');

async function main() {
  const [input, widthText, output, roundsText] = process.argv.slice(2);
  if (!input || !widthText || !output) {
    console.error('usage: node avif-sample.js INPUT WIDTH OUTPUT [ROUNDS]');
    process.exit(2);
  }
  const width = Number.parseInt(widthText, 10);
  const rounds = Number.parseInt(roundsText ?? '9', 10);
  sharp.cache(false);
  sharp.concurrency(1);
  const resized = await sharp(fs.readFileSync(input), { autoOrient: true })
    .resize({ width, withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { info } = resized;
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  let bytes;
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    bytes = await sharp(resized.data, raw).avif().toBuffer();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  fs.writeFileSync(output, bytes);
  console.log(JSON.stringify({
    width: info.width, height: info.height, bytes: bytes.length,
    medianMs: times[Math.floor(times.length / 2)], rounds,
    sharp: sharp.versions.sharp, vips: sharp.versions.vips, heif: sharp.versions.heif, aom: sharp.versions.aom,
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
