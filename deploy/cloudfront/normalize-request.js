// CloudFront Function (runtime cloudfront-js-2.0), viewer-request event, for an imgorigin origin.
//
// It runs before CloudFront computes the cache key, so it decides what the key holds:
//  - the query string keeps only imgorigin's options, names lower-cased, empty values dropped,
//    in name order; values are passed through untouched (same objects, same encoding), and `s`
//    is kept, because a URL signature covers the options exactly as the client sent them;
//  - the Accept header is collapsed to one of three canonical values. imgorigin reads Accept only
//    for f=auto (avif when it lists image/avif, else webp when it lists image/webp, in the default
//    order of imgorigin.format.auto), so f=auto gets `image/avif`, `image/webp` or `image/*`, and
//    every other request gets `image/*`. Keyed on Accept, the cache then holds at most three
//    variants of an f=auto URL and one of any other, instead of one per browser's Accept string.
//
// Two settings mirror the origin's presets (imgorigin.presets.*, imgorigin.presets-only):
//  - PRESETS_ONLY: set it to true with imgorigin.presets-only=true. Only `preset`, `s` and `info` are
//    kept, so other options neither reach the origin nor split the cache.
//  - PRESET_FORMATS: the `f` of every preset that sets one, e.g. { default: 'auto', card: 'webp' }.
//    A request is f=auto when its own `f` is, or, without one, when the last of its presets that
//    sets `f` (else the `default` preset) sets auto, exactly as the origin expands them.

var OPTIONS = ['anim', 'bg', 'blur', 'crop', 'dpr', 'enlarge', 'f', 'fit', 'flip', 'g', 'h', 'info', 'pad', 'preset', 'q', 'rot', 's', 'sharpen', 'trim', 'w', 'wm'];
var PRESETS_ONLY_OPTIONS = ['info', 'preset', 's'];
var PRESETS_ONLY = false;
var PRESET_FORMATS = {};
var AVIF = 'image/avif';
var WEBP = 'image/webp';
var ANY_IMAGE = 'image/*';

function handler(event) {
    var request = event.request;
    var query = keptOptions(request.querystring || {}, PRESETS_ONLY ? PRESETS_ONLY_OPTIONS : OPTIONS);
    request.querystring = query;
    request.headers.accept = { value: isAuto(query) ? autoVariant(request.headers.accept) : ANY_IMAGE };
    return request;
}

// The allowed options in name order, each a { value } or { value, multiValue } like CloudFront's.
function keptOptions(querystring, allowed) {
    var values = {};
    Object.keys(querystring).forEach(function (name) {
        var lower = name.toLowerCase();
        if (allowed.indexOf(lower) < 0) {
            return;
        }
        var entries = entriesOf(querystring[name]).filter(function (entry) {
            return entry.value !== undefined && entry.value !== null && entry.value !== '';
        });
        values[lower] = (values[lower] || []).concat(entries);
    });
    var kept = {};
    Object.keys(values).sort().forEach(function (name) {
        var entries = values[name];
        if (entries.length === 1) {
            kept[name] = { value: entries[0].value };
        } else if (entries.length > 1) {
            // A repeated option stays repeated: imgorigin answers it with a 400 that names it.
            kept[name] = { value: entries[0].value, multiValue: entries };
        }
    });
    return kept;
}

function entriesOf(field) {
    if (field.multiValue && field.multiValue.length > 0) {
        return field.multiValue;
    }
    return [{ value: field.value }];
}

// Whether the origin will expand the options to f=auto: the request's own f, else its presets' (in
// order, the last that sets f winning), else the default preset's. An info request has no format.
function isAuto(query) {
    if (query.info !== undefined) {
        return false;
    }
    if (query.f !== undefined) {
        return String(single(query.f)).toLowerCase() === 'auto';
    }
    var format = PRESET_FORMATS['default'];
    var named = single(query.preset);
    if (named !== undefined) {
        var names = named.split(',');
        for (var i = 0; i < names.length; i++) {
            if (Object.prototype.hasOwnProperty.call(PRESET_FORMATS, names[i])) {
                format = PRESET_FORMATS[names[i]];
            }
        }
    }
    return String(format).toLowerCase() === 'auto';
}

// The value of an option given once, percent-decoded; undefined when absent, repeated or badly encoded.
function single(field) {
    if (field === undefined || field.multiValue !== undefined) {
        return undefined;
    }
    var value = String(field.value);
    try {
        value = decodeURIComponent(value);
    } catch (e) {
        return undefined;
    }
    return value;
}

// What f=auto answers this Accept with, as the origin decides it with its default format order.
function autoVariant(header) {
    if (accepts(header, AVIF)) {
        return AVIF;
    }
    return accepts(header, WEBP) ? WEBP : ANY_IMAGE;
}

// Mirrors the origin: the media type named in Accept with a quality above zero.
function accepts(header, mediaType) {
    if (!header) {
        return false;
    }
    var lines = header.multiValue && header.multiValue.length > 0 ? header.multiValue : [header];
    for (var i = 0; i < lines.length; i++) {
        var ranges = String(lines[i].value).split(',');
        for (var j = 0; j < ranges.length; j++) {
            var parts = ranges[j].split(';');
            if (parts[0].trim().toLowerCase() === mediaType) {
                return !zeroQuality(parts);
            }
        }
    }
    return false;
}

function zeroQuality(parts) {
    for (var i = 1; i < parts.length; i++) {
        var parameter = parts[i].trim().toLowerCase();
        if (parameter.indexOf('q=') === 0) {
            var text = parameter.substring(2).trim();
            var quality = text === '' ? NaN : Number(text);
            return !isNaN(quality) && quality <= 0;
        }
    }
    return false;
}
