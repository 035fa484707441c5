// node --test deploy/cloudfront/
// Loads normalize-request.js the way CloudFront does (a plain script defining `handler`, no module
// system) and runs it on viewer-request events shaped like CloudFront's.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const source = fs.readFileSync(path.join(__dirname, 'normalize-request.js'), 'utf8');

// The function runs in its own realm, so its arrays and objects are compared by content.
function loadHandler() {
    const context = vm.createContext({});
    return vm.runInContext(source + '\n;handler', context, { filename: 'normalize-request.js' });
}

const handler = loadHandler();

// Builds CloudFront's event from a raw query string and headers.
function event(query, headers = {}) {
    const querystring = {};
    for (const pair of query ? query.split('&') : []) {
        const at = pair.indexOf('=');
        const name = at < 0 ? pair : pair.slice(0, at);
        const value = at < 0 ? '' : pair.slice(at + 1);
        if (querystring[name]) {
            const field = querystring[name];
            field.multiValue = field.multiValue || [{ value: field.value }];
            field.multiValue.push({ value });
        } else {
            querystring[name] = { value };
        }
    }
    const cfHeaders = {};
    for (const [name, value] of Object.entries(headers)) {
        cfHeaders[name.toLowerCase()] = Array.isArray(value)
            ? { value: value[0], multiValue: value.map((v) => ({ value: v })) }
            : { value };
    }
    return {
        version: '1.0',
        context: { eventType: 'viewer-request' },
        viewer: { ip: '192.0.2.10' },
        request: { method: 'GET', uri: '/photos/cat.jpg', querystring, headers: cfHeaders, cookies: {} },
    };
}

// The query string CloudFront would forward and key on, as name=value pairs in object order.
function forwarded(request) {
    const pairs = [];
    for (const name of Object.keys(request.querystring)) {
        const field = request.querystring[name];
        for (const entry of field.multiValue || [field]) {
            pairs.push(name + '=' + entry.value);
        }
    }
    return pairs.join('&');
}

const CHROME = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';
const SAFARI_OLD = 'image/png,image/svg+xml,image/*;q=0.8,video/*;q=0.8,*/*;q=0.5';
const FIREFOX = 'image/avif,image/webp,*/*';

test('the file is a plain cloudfront-js script: no module system, one handler', () => {
    assert.equal(typeof handler, 'function');
    assert.doesNotMatch(source, /\b(module\.exports|exports\.|require\(|import\s|export\s)/);
    assert.ok(Buffer.byteLength(source) < 10240, 'CloudFront Functions are limited to 10 KB');
});

test('keeps only imgorigin options, in name order, values untouched', () => {
    const request = handler(event('w=400&utm_source=mail&h=300&fbclid=abc&q=82&fit=contain&bg=00000080'));
    assert.equal(forwarded(request), 'bg=00000080&fit=contain&h=300&q=82&w=400');
});

test('lower-cases option names but never values', () => {
    const request = handler(event('W=400&Fit=Cover&F=WEBP'));
    assert.equal(forwarded(request), 'f=WEBP&fit=Cover&w=400');
});

test('drops options with empty values', () => {
    const request = handler(event('w=&h=300&dpr'));
    assert.equal(forwarded(request), 'h=300');
});

test('keeps the signature exactly as sent', () => {
    const request = handler(event('w=400&s=Zm9v-YmFy_YmF6&h=300'));
    assert.equal(forwarded(request), 'h=300&s=Zm9v-YmFy_YmF6&w=400');
});

test('keeps a repeated option repeated so the origin can refuse it', () => {
    const request = handler(event('w=400&h=10&w=500'));
    assert.equal(forwarded(request), 'h=10&w=400&w=500');
    assert.deepEqual(Array.from(request.querystring.w.multiValue, (e) => e.value), ['400', '500']);
});

test('two spellings of one name become a repeated option', () => {
    const request = handler(event('w=400&W=500'));
    assert.deepEqual(Array.from(request.querystring.w.multiValue, (e) => e.value), ['400', '500']);
});

test('a request without query string stays without one', () => {
    const request = handler(event(''));
    assert.deepEqual(Object.keys(request.querystring), []);
    assert.equal(request.uri, '/photos/cat.jpg');
});

test('f=auto collapses Accept to image/avif, image/webp or image/*: three cache variants', () => {
    const accepts = [CHROME, FIREFOX, 'image/webp', 'IMAGE/WEBP;q=0.5', SAFARI_OLD, '*/*', 'image/webp;q=0', undefined,
        'image/avif', 'image/avif;q=0, image/webp'];
    const seen = new Set();
    for (const accept of accepts) {
        const headers = accept === undefined ? {} : { Accept: accept };
        seen.add(handler(event('w=400&f=auto', headers)).headers.accept.value);
    }
    assert.deepEqual([...seen].sort(), ['image/*', 'image/avif', 'image/webp']);
    assert.equal(handler(event('f=auto', { Accept: CHROME })).headers.accept.value, 'image/avif');
    assert.equal(handler(event('f=AUTO', { Accept: FIREFOX })).headers.accept.value, 'image/avif');
    assert.equal(handler(event('f=auto', { Accept: 'image/webp,*/*' })).headers.accept.value, 'image/webp');
    assert.equal(handler(event('f=auto', { Accept: 'image/avif;q=0, image/webp' })).headers.accept.value,
        'image/webp');
    assert.equal(handler(event('f=auto', { Accept: SAFARI_OLD })).headers.accept.value, 'image/*');
    assert.equal(handler(event('f=auto', { Accept: 'image/webp;q=0, image/*' })).headers.accept.value, 'image/*');
    assert.equal(handler(event('f=auto')).headers.accept.value, 'image/*');
});

test('Accept sent as several header lines is read in full', () => {
    const request = handler(event('f=auto', { Accept: ['image/png', 'image/webp'] }));
    assert.equal(request.headers.accept.value, 'image/webp');
    assert.equal(request.headers.accept.multiValue, undefined);
});

test('an explicit format or no format gives one variant whatever the browser', () => {
    for (const query of ['w=400', 'w=400&f=webp', 'w=400&f=jpeg', 'f=png', 'f=auto&f=webp']) {
        for (const accept of [CHROME, SAFARI_OLD, 'image/webp']) {
            assert.equal(handler(event(query, { Accept: accept })).headers.accept.value, 'image/*', query);
        }
    }
});

test('the rest of the request passes through', () => {
    const input = event('w=1', { Host: 'images.example.com', 'If-None-Match': '"abc"' });
    const request = handler(input);
    assert.equal(request.method, 'GET');
    assert.equal(request.uri, '/photos/cat.jpg');
    assert.equal(request.headers.host.value, 'images.example.com');
    assert.equal(request.headers['if-none-match'].value, '"abc"');
});

// The same script with its preset settings changed, as an operator edits them before deploying.
function handlerWith(settings) {
    let configured = source;
    for (const [name, value] of Object.entries(settings)) {
        const pattern = new RegExp('^var ' + name + ' = .*;$', 'm');
        assert.match(configured, pattern, name + ' is a setting of the script');
        configured = configured.replace(pattern, 'var ' + name + ' = ' + JSON.stringify(value) + ';');
    }
    const context = vm.createContext({});
    return vm.runInContext(configured + '\n;handler', context, { filename: 'normalize-request.js' });
}

test('keeps preset, wm and info, the options of presets, watermarks and metadata', () => {
    const request = handler(event('preset=thumb,card&utm_source=x&wm=0.5,bottom-right&w=100'));
    assert.equal(forwarded(request), 'preset=thumb,card&w=100&wm=0.5,bottom-right');
    assert.equal(forwarded(handler(event('info=true&fbclid=1'))), 'info=true');
});

test('presets-only keeps nothing but preset, s and info', () => {
    const presetsOnly = handlerWith({ PRESETS_ONLY: true });
    const request = presetsOnly(event('w=400&preset=thumb&h=300&s=abc&fit=fill&wm=1'));
    assert.equal(forwarded(request), 'preset=thumb&s=abc');
    assert.equal(forwarded(presetsOnly(event('info=true&w=1'))), 'info=true');
    assert.equal(forwarded(presetsOnly(event('w=400'))), '');
});

test('a preset that sets f=auto gets the Accept collapse of f=auto', () => {
    const withPresets = handlerWith({ PRESET_FORMATS: { hero: 'auto', card: 'webp' } });
    assert.equal(withPresets(event('preset=hero', { Accept: CHROME })).headers.accept.value, 'image/avif');
    assert.equal(withPresets(event('preset=hero', { Accept: SAFARI_OLD })).headers.accept.value, 'image/*');
    assert.equal(withPresets(event('preset=card', { Accept: CHROME })).headers.accept.value, 'image/*');
    assert.equal(withPresets(event('preset=hero,card', { Accept: CHROME })).headers.accept.value, 'image/*',
        'the later preset sets webp');
    assert.equal(withPresets(event('preset=card,hero', { Accept: CHROME })).headers.accept.value, 'image/avif');
    assert.equal(withPresets(event('preset=hero&f=png', { Accept: CHROME })).headers.accept.value, 'image/*',
        'the URL\'s own f wins');
    assert.equal(withPresets(event('preset=card&f=auto', { Accept: CHROME })).headers.accept.value, 'image/avif');
    assert.equal(withPresets(event('preset=card%2Chero', { Accept: CHROME })).headers.accept.value, 'image/avif',
        'the list is read percent-decoded, as the origin reads it');
    assert.equal(handler(event('preset=hero', { Accept: CHROME })).headers.accept.value, 'image/*',
        'without settings no preset is known to be auto');
});

test('a default preset with f=auto makes every image request f=auto, but not info', () => {
    const withDefault = handlerWith({ PRESET_FORMATS: { default: 'auto', still: 'jpeg' } });
    assert.equal(withDefault(event('w=400', { Accept: CHROME })).headers.accept.value, 'image/avif');
    assert.equal(withDefault(event('', { Accept: FIREFOX })).headers.accept.value, 'image/avif');
    assert.equal(withDefault(event('preset=still', { Accept: CHROME })).headers.accept.value, 'image/*');
    assert.equal(withDefault(event('info=true', { Accept: CHROME })).headers.accept.value, 'image/*');
});

test('keeps the editing options and anim, in the sorted form the cache key uses', () => {
    const request = handler(event('w=100&utm_campaign=x&crop=0,0,50,50&rot=90&flip=hv&trim=true&pad=1,2,3,4'
        + '&blur=1.5&sharpen=0.5&anim=false&g=fp:0.3,0.7&gclid=2'));
    assert.equal(forwarded(request), 'anim=false&blur=1.5&crop=0,0,50,50&flip=hv&g=fp:0.3,0.7&pad=1,2,3,4'
        + '&rot=90&sharpen=0.5&trim=true&w=100');
});
