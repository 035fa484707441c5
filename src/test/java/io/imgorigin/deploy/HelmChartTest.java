package io.imgorigin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/** Lints and renders helm/imgorigin in-process (helm-java bundles the Helm library; no cluster, no network). */
class HelmChartTest {

    static final Path CHART = Path.of("helm", "imgorigin");

    @Test
    void strictLintPasses() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void defaultsRenderTheWorkloadObjectsAndNoOptionalOnes() {
        RenderedManifests rendered = render(template());

        assertThat(rendered.kinds()).contains("Deployment", "Service", "ServiceAccount",
                "HorizontalPodAutoscaler", "PodDisruptionBudget");
        assertThat(rendered.kinds()).doesNotContain("Ingress", "ServiceMonitor", "Secret");
        assertThat(Yamls.map(rendered.only("Deployment"), "spec")).as("the HPA owns the replica count")
                .doesNotContainKey("replicas");
        assertThat(rendered.container()).as("unset settings keep the application's defaults")
                .doesNotContainKey("env");
    }

    @Test
    void probesAskTheManagementPortForTheHealthGroups() {
        Map<String, Object> container = render(template()).container();

        List<Map<String, Object>> ports = Yamls.list(container, "ports");
        assertThat(ports).extracting(p -> p.get("name"), p -> p.get("containerPort"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http", 8080),
                        org.assertj.core.groups.Tuple.tuple("management", 8081));
        assertThat(Yamls.get(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(Yamls.get(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(Yamls.get(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(Yamls.get(container, probe + ".httpGet.port")).as(probe).isEqualTo("management");
        }
    }

    @Test
    void containerRunsLockedDownWithResourcesAndAWritableTmp() {
        RenderedManifests rendered = render(template());
        Map<String, Object> container = rendered.container();
        Map<String, Object> pod = Yamls.map(rendered.only("Deployment"), "spec.template.spec");

        assertThat(Yamls.get(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(Yamls.get(pod, "securityContext.runAsUser")).isEqualTo(10001);
        assertThat(Yamls.get(container, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(Yamls.get(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(Yamls.get(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(Yamls.get(container, "securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
        assertThat(Yamls.map(container, "resources.requests")).containsKeys("cpu", "memory");
        assertThat(Yamls.map(container, "resources.limits")).containsKeys("cpu", "memory");
        assertThat(Yamls.list(container, "volumeMounts"))
                .anySatisfy(m -> assertThat(m).containsEntry("name", "tmp").containsEntry("mountPath", "/tmp"));
        assertThat(Yamls.list(pod, "volumes"))
                .anySatisfy(v -> assertThat(v).containsEntry("name", "tmp").containsKey("emptyDir"));
    }

    @Test
    void shutdownDrainsTheLoadBalancerBeforeSpringsGracefulStop() {
        RenderedManifests rendered = render(template());
        Map<String, Object> pod = Yamls.map(rendered.only("Deployment"), "spec.template.spec");
        @SuppressWarnings("unchecked")
        List<String> preStop = (List<String>) Yamls.get(rendered.container(), "lifecycle.preStop.exec.command");

        int drain = Integer.parseInt(preStop.get(1));
        assertThat(preStop.getFirst()).isEqualTo("sleep");
        assertThat(drain).isPositive();
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(drain + 20);
    }

    @Test
    void aGracePeriodShorterThanDrainPlusGracefulShutdownIsRefused() {
        TemplateCommand tooShort = template().set("terminationGracePeriodSeconds", 25);

        assertThatThrownBy(tooShort::call).hasMessageContaining("terminationGracePeriodSeconds");
    }

    @Test
    void hpaScalesOnCpuAndPdbKeepsReplicasDuringDisruptions() {
        RenderedManifests rendered = render(template().set("autoscaling.maxReplicas", 7));

        Map<String, Object> hpa = rendered.only("HorizontalPodAutoscaler");
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(Yamls.get(hpa, "spec.maxReplicas")).isEqualTo(7);
        assertThat(Yamls.list(hpa, "spec.metrics").getFirst()).extracting(m -> Yamls.get(m, "resource.name"))
                .isEqualTo("cpu");
        Map<String, Object> pdb = rendered.only("PodDisruptionBudget");
        assertThat(pdb.get("apiVersion")).isEqualTo("policy/v1");
        assertThat(Yamls.map(pdb, "spec.selector.matchLabels"))
                .isEqualTo(Yamls.map(rendered.only("Deployment"), "spec.selector.matchLabels"));

        RenderedManifests fixed = render(template().set("autoscaling.enabled", false).set("replicaCount", 3));
        assertThat(fixed.has("HorizontalPodAutoscaler")).isFalse();
        assertThat(Yamls.get(fixed.only("Deployment"), "spec.replicas")).isEqualTo(3);
    }

    @Test
    void s3SettingsSigningSecretAndIrsaRoleReachThePod() {
        String role = "arn:aws:iam::123456789012:role/imgorigin-s3-read";
        RenderedManifests rendered = render(template()
                .set("config.source.type", "s3")
                .set("config.source.s3.bucket", "media-originals")
                .set("config.source.s3.region", "eu-west-1")
                .set("config.source.s3.endpoint", "http://minio.storage:9000")
                .set("config.source.s3.pathStyle", true)
                .set("signing.existingSecret", "imgorigin-keys")
                .set("serviceAccount.roleArn", role));

        assertThat(rendered.plainEnv())
                .containsEntry("IMGORIGIN_SOURCE_TYPE", "s3")
                .containsEntry("IMGORIGIN_SOURCE_S3_BUCKET", "media-originals")
                .containsEntry("IMGORIGIN_SOURCE_S3_REGION", "eu-west-1")
                .containsEntry("IMGORIGIN_SOURCE_S3_ENDPOINT", "http://minio.storage:9000")
                .containsEntry("IMGORIGIN_SOURCE_S3_PATHSTYLE", "true")
                .doesNotContainKey("IMGORIGIN_SOURCE_S3_PREFIX");
        assertThat(Yamls.get(rendered.envEntry("IMGORIGIN_SECURITY_SIGNINGKEYS"), "valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "imgorigin-keys", "key", "signing-keys"));
        assertThat(rendered.has("Secret")).as("an existing Secret is referenced, not created").isFalse();
        Map<String, Object> account = rendered.only("ServiceAccount");
        assertThat(Yamls.map(account, "metadata.annotations")).containsEntry("eks.amazonaws.com/role-arn", role);
        assertThat(Yamls.get(rendered.only("Deployment"), "spec.template.spec.serviceAccountName"))
                .isEqualTo(Yamls.get(account, "metadata.name"));
    }

    @Test
    void signingKeysListedInValuesBecomeAChartSecret(@TempDir Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("values.yaml"), """
                signing:
                  keys: [first-key, second-key]
                """);

        RenderedManifests rendered = render(template().withValuesFile(values));

        Map<String, Object> secret = rendered.only("Secret");
        String stored = (String) Yamls.get(secret, "data.signing-keys");
        assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8))
                .isEqualTo("first-key,second-key");
        assertThat(Yamls.get(rendered.envEntry("IMGORIGIN_SECURITY_SIGNINGKEYS"), "valueFrom.secretKeyRef.name"))
                .isEqualTo(Yamls.get(secret, "metadata.name"));
        assertThat(Yamls.map(rendered.only("Deployment"), "spec.template.metadata.annotations"))
                .as("a key change rolls the pods").containsKey("checksum/signing");
    }

    @Test
    void largeNumbersFromAValuesFileArePassedAsIntegers(@TempDir Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("values.yaml"), """
                config:
                  limits:
                    maxSourcePixels: 50000000
                    maxSourceBytes: 80MB
                  processing:
                    threads: 4
                """);

        assertThat(render(template().withValuesFile(values)).plainEnv())
                .containsEntry("IMGORIGIN_LIMITS_MAXSOURCEPIXELS", "50000000")
                .containsEntry("IMGORIGIN_LIMITS_MAXSOURCEBYTES", "80MB")
                .containsEntry("IMGORIGIN_PROCESSING_THREADS", "4");
    }

    @Test
    void ingressAndServiceMonitorRenderOnlyWhenEnabled() {
        RenderedManifests rendered = render(template()
                .set("ingress.enabled", true)
                .set("serviceMonitor.enabled", true));

        Map<String, Object> rule = Yamls.list(rendered.only("Ingress"), "spec.rules").getFirst();
        Map<String, Object> path = Yamls.list(rule, "http.paths").getFirst();
        assertThat(Yamls.get(path, "backend.service.port.name")).isEqualTo("http");
        Map<String, Object> endpoint = Yamls.list(rendered.only("ServiceMonitor"), "spec.endpoints").getFirst();
        assertThat(endpoint).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus");
    }

    static TemplateCommand template() {
        return new Helm(CHART).template().withName("img").withNamespace("media");
    }

    static RenderedManifests render(TemplateCommand command) {
        return RenderedManifests.parse(command.call());
    }
}
