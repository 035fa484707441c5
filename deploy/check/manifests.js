// Structural checks of the deployment files that no schema validator here can make.
// Usage: node deploy/check/manifests.js <repo root> (js-yaml resolvable through NODE_PATH).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const assert = require('node:assert/strict');
const yaml = require('js-yaml');

const root = process.argv[2] || '.';
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
let passed = 0;
let failed = 0;

function check(what, body) {
    try {
        body();
        passed++;
        console.log('  ok    ' + what);
    } catch (error) {
        failed++;
        console.log('  FAIL  ' + what + '\n        ' + String(error.message).split('\n').join('\n        '));
    }
}

const SPEC_OPTIONS = ['anim', 'bg', 'blur', 'crop', 'dpr', 'enlarge', 'f', 'fit', 'flip', 'g', 'h', 'info', 'pad', 'preset', 'q', 'rot', 's', 'sharpen', 'trim', 'w', 'wm'];
const ERROR_CODES_CLOUDFRONT_ACCEPTS = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];

const json = {};
for (const file of ['deploy/ecs/task-definition.json', 'deploy/iam/s3-read-policy.json',
    'deploy/grafana/imgorigin-dashboard.json']) {
    check(file + ' is valid JSON', () => {
        json[file] = JSON.parse(read(file));
    });
}

check('ECS task: Fargate, awsvpc, ports 8080/8081, liveness health check, stopTimeout >= 30, awslogs', () => {
    const task = json['deploy/ecs/task-definition.json'];
    assert.deepEqual(task.requiresCompatibilities, ['FARGATE']);
    assert.equal(task.networkMode, 'awsvpc');
    assert.match(task.taskRoleArn, /^arn:aws:iam::/);
    const container = task.containerDefinitions[0];
    assert.deepEqual(container.portMappings.map((p) => p.containerPort), [8080, 8081]);
    assert.equal(container.healthCheck.command.at(-1), '/usr/local/bin/imgorigin-healthcheck');
    assert.ok(container.stopTimeout >= 30, 'stopTimeout ' + container.stopTimeout);
    assert.equal(container.logConfiguration.logDriver, 'awslogs');
    for (const variable of container.environment) {
        assert.match(variable.name, /^IMGORIGIN_[A-Z0-9_]+$/);
    }
});

check('IAM policy: read-only s3:GetObject on a prefix', () => {
    const statements = json['deploy/iam/s3-read-policy.json'].Statement;
    assert.equal(statements.length, 1);
    assert.equal(statements[0].Effect, 'Allow');
    assert.equal(statements[0].Action, 's3:GetObject');
    assert.match(statements[0].Resource, /^arn:aws:s3:::[^/]+\/.*\*$/);
});

check('Grafana dashboard: panels with Prometheus queries on imgorigin metrics', () => {
    const dashboard = json['deploy/grafana/imgorigin-dashboard.json'];
    const exprs = dashboard.panels.flatMap((p) => (p.targets || []).map((t) => t.expr));
    assert.ok(exprs.length >= 15, exprs.length + ' queries');
    for (const series of ['imgorigin_requests_seconds_bucket', 'imgorigin_stage_seconds_bucket',
        'imgorigin_rejections_total', 'imgorigin_admission_queue', 'jvm_memory_used_bytes']) {
        assert.ok(exprs.some((e) => e.includes(series)), series + ' not queried');
    }
});

let template;
check('CloudFront template parses as plain YAML (long-form intrinsics only)', () => {
    template = yaml.load(read('deploy/cloudfront/distribution.yaml'));
    assert.ok(template.Resources);
});

const resource = (type) => {
    const found = Object.values(template.Resources).filter((r) => r.Type === type);
    assert.equal(found.length, 1, 'one ' + type);
    return found[0].Properties;
};

check('cache policy: keyed on the query the function keeps and Accept, no cookies, no compression variants', () => {
    const config = resource('AWS::CloudFront::CachePolicy').CachePolicyConfig;
    const key = config.ParametersInCacheKeyAndForwardedToOrigin;
    // The viewer-request function leaves only SPEC_OPTIONS (checked below); a whitelist of them would
    // pass CloudFront's quota of 10 query strings per cache policy.
    assert.equal(key.QueryStringsConfig.QueryStringBehavior, 'all');
    assert.equal(key.QueryStringsConfig.QueryStrings, undefined);
    assert.equal(key.HeadersConfig.HeaderBehavior, 'whitelist');
    assert.deepEqual(key.HeadersConfig.Headers, ['Accept']);
    assert.equal(key.CookiesConfig.CookieBehavior, 'none');
    assert.equal(key.EnableAcceptEncodingGzip, false);
    assert.equal(key.EnableAcceptEncodingBrotli, false);
    assert.equal(config.MinTTL, 0, 'MinTTL 0 lets no-store 5xx go uncached');
    assert.ok(config.MaxTTL >= 31536000, 'MaxTTL covers the origin max-age of a year');
});

check('origin request policy exists and forwards nothing beyond the cache key', () => {
    const config = resource('AWS::CloudFront::OriginRequestPolicy').OriginRequestPolicyConfig;
    assert.equal(config.CookiesConfig.CookieBehavior, 'none');
    assert.equal(config.QueryStringsConfig.QueryStringBehavior, 'none');
});

check('distribution: https-only viewers, Origin Shield, origin protocol parameter, viewer-request function', () => {
    const config = resource('AWS::CloudFront::Distribution').DistributionConfig;
    const origin = config.Origins[0];
    assert.equal(origin.OriginShield.Enabled, true);
    assert.deepEqual(origin.OriginShield.OriginShieldRegion, { Ref: 'OriginShieldRegion' });
    assert.deepEqual(origin.CustomOriginConfig.OriginProtocolPolicy, { Ref: 'OriginProtocolPolicy' });
    assert.deepEqual(origin.DomainName, { Ref: 'OriginDomainName' });
    const behavior = config.DefaultCacheBehavior;
    assert.equal(behavior.ViewerProtocolPolicy, 'https-only');
    assert.equal(behavior.Compress, false);
    assert.deepEqual(behavior.FunctionAssociations.map((f) => f.EventType), ['viewer-request']);
    for (const parameter of ['OriginDomainName', 'OriginProtocolPolicy', 'OriginShieldRegion', 'Aliases',
        'AcmCertificateArn']) {
        assert.ok(template.Parameters[parameter], 'parameter ' + parameter);
    }
});

check('error caching: 60 s for 4xx, at most 1 s for 5xx, only codes CloudFront accepts', () => {
    const responses = resource('AWS::CloudFront::Distribution').DistributionConfig.CustomErrorResponses;
    const ttl = Object.fromEntries(responses.map((r) => [r.ErrorCode, r.ErrorCachingMinTTL]));
    for (const code of Object.keys(ttl).map(Number)) {
        assert.ok(ERROR_CODES_CLOUDFRONT_ACCEPTS.includes(code), code + ' cannot be configured');
    }
    for (const code of [400, 403, 404, 405]) {
        assert.equal(ttl[code], 60, String(code));
    }
    for (const code of [500, 502, 503, 504]) {
        assert.ok(ttl[code] !== undefined && ttl[code] <= 1, String(code));
    }
});

check('function in the template is normalize-request.js verbatim, runtime cloudfront-js-2.0', () => {
    const fn = resource('AWS::CloudFront::Function');
    assert.equal(fn.FunctionConfig.Runtime, 'cloudfront-js-2.0');
    assert.equal(fn.FunctionCode, read('deploy/cloudfront/normalize-request.js'),
        'copy deploy/cloudfront/normalize-request.js into FunctionCode (8-space indent)');
});

check('function keeps the same options the cache policy keys on', () => {
    const context = vm.createContext({});
    const options = vm.runInContext(read('deploy/cloudfront/normalize-request.js') + '\n;OPTIONS', context);
    assert.deepEqual(Array.from(options).sort(), SPEC_OPTIONS);
});

check('Dockerfile: temurin 25 stages, native libraries without recommends, non-root 10001, ports, health check, start script', () => {
    const dockerfile = read('Dockerfile');
    assert.match(dockerfile, /^FROM eclipse-temurin:25-jdk\S* AS build$/m);
    assert.match(dockerfile, /^FROM eclipse-temurin:25-jre\S*$/m);
    assert.match(dockerfile, /--mount=type=cache,target=\/root\/\.m2/);
    assert.match(dockerfile, /\.\/mvnw -B -DskipTests package/);
    assert.match(dockerfile, /apt-get install -y --no-install-recommends libturbojpeg\b.*\blibspng0\b.*\blibdeflate0\b/);
    assert.match(dockerfile, /rm -rf \/var\/lib\/apt\/lists\/\*/);
    assert.match(dockerfile, /--uid 10001/);
    assert.match(dockerfile, /^USER 10001:10001$/m);
    assert.match(dockerfile, /^EXPOSE 8080 8081$/m);
    assert.match(dockerfile, /^HEALTHCHECK .*\n?.*imgorigin-healthcheck/m);
    assert.match(dockerfile, /^ENTRYPOINT \["bash", "\/usr\/local\/bin\/imgorigin-start"\]$/m);
    assert.match(dockerfile, /^COPY deploy\/docker\/start\.sh \/usr\/local\/bin\/imgorigin-start$/m);
    const start = read('deploy/docker/start.sh');
    for (const flag of ['-XX:InitialRAMPercentage=75', '-XX:MaxRAMPercentage=75', '-XX:+ExitOnOutOfMemoryError', '--enable-native-access=ALL-UNNAMED', '--add-modules=jdk.incubator.vector']) {
        assert.ok(start.includes(flag), 'start.sh passes ' + flag);
    }
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)].map((m) => m[1]);
    const ignore = read('.dockerignore');
    for (const source of copied) {
        assert.ok(ignore.includes('!' + source), '.dockerignore lets ' + source + ' into the context');
    }
});

console.log(passed + ' passed, ' + failed + ' failed');
process.exit(failed === 0 ? 0 : 1);
