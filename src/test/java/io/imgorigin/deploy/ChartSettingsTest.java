package io.imgorigin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.unit.DataSize;

import io.imgorigin.deploy.SettingsEnvironment.Settings;
import io.imgorigin.options.LimitsProperties;
import io.imgorigin.processing.ProcessingProperties;
import io.imgorigin.source.SourceProperties;
import io.imgorigin.web.CacheProperties;

/** Every imgorigin setting can be given through the chart's values, and arrives where the service reads it. */
class ChartSettingsTest {

    static final String EVERY_SETTING = """
            config:
              source:
                type: s3
                timeout: 4s
                filesystem:
                  root: /srv/images
                s3:
                  bucket: media-originals
                  prefix: originals/
                  region: eu-west-1
                  endpoint: http://minio.storage:9000
                  pathStyle: true
                  maxAttempts: 5
              limits:
                maxSourceBytes: 80MB
                maxSourcePixels: 60000000
                maxOutputDimension: 4096
                maxFrames: 50
              format:
                defaultQuality: 72
                auto: webp
                avif:
                  speed: 6
                quality:
                  avif: 48
              cache:
                control: public, max-age=86400
                errorMaxAge: 30s
              processing:
                timeout: 15s
                threads: 3
                queue: 40
                memoryWait: 1s
                memoryBudget: 512MB
                nativeCodecs: false
            signing:
              keys: [k1, k2]
            """;

    @Test
    void everySettingOfTheApplicationHasAChartValue(@TempDir Path dir) throws IOException {
        RenderedManifests rendered = renderEverySetting(dir);

        List<String> names = Yamls.list(rendered.container(), "env").stream()
                .map(e -> (String) e.get("name")).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(SettingsEnvironment.variableNames());
    }

    @Test
    void chartValuesBindOntoTheApplicationsProperties(@TempDir Path dir) throws IOException {
        Map<String, String> env = new HashMap<>(renderEverySetting(dir).plainEnv());
        env.put("IMGORIGIN_SECURITY_SIGNINGKEYS", "k1,k2");

        Settings bound = SettingsEnvironment.bind(env);

        assertThat(bound.source().type()).isEqualTo(SourceProperties.SourceType.S3);
        assertThat(bound.source().timeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(bound.source().filesystem().root()).isEqualTo(Path.of("/srv/images"));
        assertThat(bound.source().s3()).isEqualTo(new SourceProperties.S3("media-originals", "originals/",
                "eu-west-1", URI.create("http://minio.storage:9000"), true, 5));
        assertThat(bound.limits()).isEqualTo(
                new LimitsProperties(DataSize.ofMegabytes(80), 60_000_000L, 4096, 50));
        assertThat(bound.format().defaultQuality()).isEqualTo(72);
        assertThat(bound.format().auto()).containsExactly("webp");
        assertThat(bound.format().avif().speed()).isEqualTo(6);
        assertThat(bound.format().quality().avif()).isEqualTo(48);
        assertThat(bound.cache()).isEqualTo(
                new CacheProperties("public, max-age=86400", Duration.ofSeconds(30)));
        assertThat(bound.security().activeKeys()).containsExactly("k1", "k2");
        assertThat(bound.processing()).isEqualTo(new ProcessingProperties(Duration.ofSeconds(15), 3, 40,
                Duration.ofSeconds(1), DataSize.ofMegabytes(512), false));
    }

    @Test
    void withNoValuesTheApplicationKeepsItsDefaults() {
        Map<String, Object> container = HelmChartTest.render(HelmChartTest.template()).container();

        assertThat(container).doesNotContainKey("env");
        assertThat(SettingsEnvironment.bind(Map.of())).isEqualTo(SettingsEnvironment.bind(Map.of("UNRELATED", "x")));
    }

    /** The chart is checked against every properties record the application binds, so none may be missing here. */
    @Test
    void settingsCoverEveryPropertiesRecord() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> found = scanner.findCandidateComponents("io.imgorigin").stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(name -> !name.startsWith(SettingsEnvironment.class.getName()))
                .toList();
        List<String> covered = Arrays.stream(Settings.class.getRecordComponents())
                .map(component -> component.getType().getName()).toList();

        assertThat(found).isNotEmpty().containsExactlyInAnyOrderElementsOf(covered);
    }

    private static RenderedManifests renderEverySetting(Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("every-setting.yaml"), EVERY_SETTING);
        return HelmChartTest.render(HelmChartTest.template().withValuesFile(values));
    }
}
