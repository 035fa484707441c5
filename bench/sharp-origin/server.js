'use strict';

// A minimal image origin built on sharp, doing the same job as imgorigin for the benchmark:
//   GET /{key}?w=&h=&f=&q=&fit=
// It reads the original from an S3-compatible endpoint that allows anonymous GETs (S3Proxy with
// s3proxy.authorization=none), resizes without enlarging and re-encodes it with metadata stripped.
// It keeps no result cache, like imgorigin, so repeated identical URLs cost a full transform each time.

const os = require('node:os');

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
// libuv's pool bounds how many images are processed at once; it is sized on first use, so before sharp loads.
if (!process.env.UV_THREADPOOL_SIZE) {
  process.env.UV_THREADPOOL_SIZE = String(Math.max(4, cores));
}

const cluster = require('node:cluster');
const http = require('node:http');
const sharp = require('sharp');

const config = {
  port: intFromEnv('PORT', 8090),
  host: process.env.HOST || '127.0.0.1',
  endpoint: (process.env.S3_ENDPOINT || 'http://127.0.0.1:8001').replace(/\/+$/, ''),
  bucket: process.env.S3_BUCKET || 'images',
  workers: intFromEnv('WORKERS', 1),
  concurrency: intFromEnv('SHARP_CONCURRENCY', cores),
  maxDimension: 8192,
  maxSourcePixels: 50_000_000,
  defaultQuality: 80,
};

const FORMATS = { jpeg: 'jpeg', jpg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' };
const FITS = new Set(['cover', 'contain', 'inside', 'fill']);
const OPTIONS = new Set(['w', 'h', 'f', 'q', 'fit']);
const CONTENT_TYPES = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function intFromEnv(name, fallback) {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function parseOptions(searchParams) {
  const options = { fit: 'cover', quality: config.defaultQuality };
  const seen = new Set();
  for (const [name, value] of searchParams) {
    if (!OPTIONS.has(name)) throw new HttpError(400, `unknown option ${name}`);
    if (seen.has(name)) throw new HttpError(400, `option ${name} given twice`);
    seen.add(name);
    switch (name) {
      case 'w': options.width = boundedInt(name, value, 1, config.maxDimension); break;
      case 'h': options.height = boundedInt(name, value, 1, config.maxDimension); break;
      case 'q':
        options.quality = boundedInt(name, value, 1, 100);
        options.qualityGiven = true;
        break;
      case 'f':
        if (!(value in FORMATS)) throw new HttpError(400, 'f must be jpeg, jpg, png, webp, avif or gif');
        options.format = FORMATS[value];
        break;
      case 'fit':
        if (!FITS.has(value)) throw new HttpError(400, 'fit must be cover, contain, inside or fill');
        options.fit = value;
        break;
    }
  }
  return options;
}

function boundedInt(name, value, min, max) {
  if (!/^[0-9]{1,5}$/.test(value)) throw new HttpError(400, `${name} must be an integer ${min}..${max}`);
  const number = Number(value);
  if (number < min || number > max) throw new HttpError(400, `${name} must be an integer ${min}..${max}`);
  return number;
}

async function fetchOriginal(key) {
  const url = `${config.endpoint}/${config.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new HttpError(502, `store unreachable: ${e.message}`);
  }
  if (response.status === 404 || response.status === 403) throw new HttpError(404, 'no such object');
  if (!response.ok) throw new HttpError(502, `store answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

async function transform(original, options) {
  // animated: every frame of a GIF or WebP is read, as imgorigin keeps animations.
  const image = sharp(original, { autoOrient: true, animated: true, limitInputPixels: config.maxSourcePixels });
  let metadata;
  try {
    metadata = await image.metadata();
  } catch (e) {
    throw new HttpError(415, `not a readable image: ${e.message}`);
  }
  const format = options.format
    ?? (metadata.format in CONTENT_TYPES ? metadata.format : (metadata.hasAlpha ? 'png' : 'jpeg'));
  if (metadata.pages > 1 && options.width && !options.height) {
    // libvips rounds an animation's scaled height down; ask for imgorigin's size (half up) so outputs match.
    const width = Math.min(options.width, metadata.width);
    const height = Math.max(1, Math.round((metadata.pageHeight || metadata.height) * width / metadata.width));
    image.resize({ width, height, fit: 'fill' });
  } else if (options.width || options.height) {
    image.resize({
      width: options.width,
      height: options.height,
      fit: options.fit,
      withoutEnlargement: true,
    });
  }
  if (format === 'jpeg') {
    image.flatten({ background: '#ffffff' }).jpeg({ quality: options.quality, progressive: true, mozjpeg: false });
  } else if (format === 'webp') {
    image.webp({ quality: options.quality, effort: 4 });
  } else if (format === 'avif') {
    // Without q, sharp's own AVIF defaults (quality 50, effort 4), as a sharp user would get them.
    image.avif(options.qualityGiven ? { quality: options.quality } : {});
  } else if (format === 'gif') {
    image.gif();
  } else {
    image.png();
  }
  try {
    return { format, bytes: await image.toBuffer() };
  } catch (e) {
    throw new HttpError(422, `cannot process the image: ${e.message}`);
  }
}

async function handle(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    throw new HttpError(405, 'use GET or HEAD');
  }
  const url = new URL(request.url, 'http://origin');
  const key = decodeURIComponent(url.pathname.slice(1));
  if (!key || key.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new HttpError(400, 'bad key');
  }
  const options = parseOptions(url.searchParams);
  const result = await transform(await fetchOriginal(key), options);
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[result.format],
    'Content-Length': result.bytes.length,
    'Cache-Control': 'public, max-age=31536000, immutable',
  });
  response.end(request.method === 'HEAD' ? undefined : result.bytes);
}

function serve() {
  sharp.concurrency(config.concurrency);
  // A result cache would let repeated identical URLs skip the work imgorigin always does.
  sharp.cache(false);
  const server = http.createServer((request, response) => {
    handle(request, response).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      const body = `${status} ${error.message}\n`;
      if (!response.headersSent) {
        response.writeHead(status, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
          'Cache-Control': status < 500 ? 'public, max-age=60' : 'no-store',
        });
      }
      response.end(body);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(config.port, config.host, () => {
    console.log(`sharp-origin pid ${process.pid} on http://${config.host}:${config.port}`
      + ` (store ${config.endpoint}/${config.bucket}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips},`
      + ` concurrency ${sharp.concurrency()}, UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE})`);
  });
}

if (config.workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    console.error(`worker ${worker.process.pid} exited with ${code}`);
    process.exitCode = 1;
  });
  const stop = () => {
    for (const worker of Object.values(cluster.workers)) worker.kill();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  serve();
}
