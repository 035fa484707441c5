package io.imgorigin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.imgorigin.processing.ProcessingProperties;
import io.imgorigin.serving.ServingConfiguration;
import io.imgorigin.serving.ServiceMetrics;
import io.imgorigin.web.RequestObservationFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Every series the dashboard queries is one the service exposes: the names are checked against a
 * Prometheus scrape of the service's own meter code, not against a hand-written list.
 */
class GrafanaDashboardTest {

    static final Path DASHBOARD = Path.of("deploy", "grafana", "imgorigin-dashboard.json");
    static final Pattern SERIES = Pattern.compile("\\b((?:imgorigin|jvm|process)_[a-z_]+)\\b");

    @Test
    void everyQueriedSeriesIsExposedByTheService() throws Exception {
        Set<String> queried = queriedSeries();
        Set<String> exposed = exposedSeries();

        // GC pauses are recorded only once a collection has happened, which a test cannot force.
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        missing.removeIf(name -> name.startsWith("jvm_gc_pause_seconds_"));
        assertThat(missing).as("queried but not exposed; exposed: %s", exposed).isEmpty();
        assertThat(queried).contains("imgorigin_requests_seconds_bucket", "imgorigin_stage_seconds_bucket",
                "imgorigin_inflight", "imgorigin_admission_queue", "imgorigin_workers_busy",
                "imgorigin_rejections_total", "imgorigin_source_bytes_sum", "imgorigin_output_bytes_sum",
                "imgorigin_coalesced_total", "jvm_memory_used_bytes");
    }

    @Test
    void panelsHaveUniqueIdsAndDoNotOverlap() throws IOException {
        List<Map<String, Object>> panels = Yamls.list(dashboard(), "panels");

        assertThat(panels).extracting(p -> p.get("id")).doesNotHaveDuplicates();
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                assertThat(overlap(panels.get(i), panels.get(j)))
                        .as("%s and %s", panels.get(i).get("title"), panels.get(j).get("title")).isFalse();
            }
        }
    }

    private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> pa = Yamls.map(a, "gridPos");
        Map<String, Object> pb = Yamls.map(b, "gridPos");
        return (int) pa.get("x") < (int) pb.get("x") + (int) pb.get("w")
                && (int) pb.get("x") < (int) pa.get("x") + (int) pa.get("w")
                && (int) pa.get("y") < (int) pb.get("y") + (int) pb.get("h")
                && (int) pb.get("y") < (int) pa.get("y") + (int) pa.get("h");
    }

    private static Set<String> queriedSeries() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> panel : Yamls.list(dashboard(), "panels")) {
            if (!panel.containsKey("targets")) {
                continue;
            }
            for (Map<String, Object> target : Yamls.list(panel, "targets")) {
                Matcher matcher = SERIES.matcher((String) target.get("expr"));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    /** Series names in a scrape after the service's meters have each seen one event. */
    private static Set<String> exposedSeries() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServiceMetrics metrics = new ServiceMetrics(registry);
        metrics.sourceBytes(1000);
        metrics.outputBytes(100);
        metrics.coalesced();
        metrics.rejected("overloaded");
        metrics.stepFinished("decode", 1_000_000);
        new RequestObservationFilter(registry, "imageio")
                .doFilter(new MockHttpServletRequest("GET", "/a.jpg"), new MockHttpServletResponse(), new MockFilterChain());
        new JvmMemoryMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        try (AutoCloseable workers = workersWithGauges(registry)) {
            Set<String> names = new TreeSet<>();
            for (String line : registry.scrape().split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line.split("[{ ]", 2)[0]);
                }
            }
            return names;
        }
    }

    /** The worker pool and its gauges, built by the service's own (package-private) bean method. */
    private static AutoCloseable workersWithGauges(MeterRegistry registry) throws Exception {
        Method bean = ServingConfiguration.class.getDeclaredMethod("cpuWorkers",
                ProcessingProperties.class, MeterRegistry.class);
        bean.setAccessible(true);
        return (AutoCloseable) bean.invoke(new ServingConfiguration(), SettingsEnvironment.bind(Map.of()).processing(), registry);
    }

    private static Map<String, Object> dashboard() throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        return Yamls.asMap((Map<?, ?>) yaml.load(Files.readString(DASHBOARD)));
    }
}
