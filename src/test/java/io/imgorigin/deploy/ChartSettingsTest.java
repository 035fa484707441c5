package io.imgorigin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
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
import io.imgorigin.options.AvifSettings;
import io.imgorigin.options.FormatProperties;
import io.imgorigin.options.LimitsProperties;
import io.imgorigin.options.PresetsProperties;
import io.imgorigin.processing.ProcessingProperties;
import io.imgorigin.serving.watermark.WatermarkProperties;
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
                  verifyMd5: false
              limits:
                maxSourceBytes: 80MB
                maxSourcePixels: 60000000
                maxOutputDimension: 4096
                maxFrames: 50
                maxAnimationPixels: 90000000
                allowedWidths: [320, 640, 1280]
                allowedHeights: [240, 480]
              format:
                defaultQuality: 72
                auto: webp
                avif:
                  speed: 6
                quality:
                  jpeg: 78
                  webp: 74
                  avif: 48
              watermark:
                key: brand/logo.png
                refresh: 30s
              presetsOnly: true
              presets:
                thumb: w=200&h=200&fit=cover
                Hero_Wide: w=1600&h=600&f=auto&q=70
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
                "eu-west-1", URI.create("http://minio.storage:9000"), true, 5, false));
        assertThat(bound.limits()).isEqualTo(new LimitsProperties(DataSize.ofMegabytes(80), 60_000_000L, 4096, 50,
                90_000_000L, List.of(320, 640, 1280), List.of(240, 480)));
        assertThat(bound.format()).isEqualTo(new FormatProperties(72, List.of("webp"), new AvifSettings(6),
                new FormatProperties.Qualities(78, 74, 48)));
        assertThat(bound.watermark()).isEqualTo(new WatermarkProperties("brand/logo.png", Duration.ofSeconds(30)));
        assertThat(bound.presetsProperties()).as("preset names keep their case and underscores")
                .isEqualTo(new PresetsProperties(Map.of("thumb", "w=200&h=200&fit=cover",
                        "Hero_Wide", "w=1600&h=600&f=auto&q=70"), true));
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
        List<String> covered = new ArrayList<>(Arrays.stream(Settings.class.getRecordComponents())
                .map(component -> component.getType()).filter(Class::isRecord).map(Class::getName).toList());
        SettingsEnvironment.ROOT_RECORDS.forEach(root -> covered.add(root.getName()));

        assertThat(found).isNotEmpty().containsExactlyInAnyOrderElementsOf(covered);
    }

    /** A record bound at imgorigin itself is covered when each of its components is one of Settings'. */
    @Test
    void rootRecordsAreSpreadIntoSettings() {
        Map<String, java.lang.reflect.Type> settings = new HashMap<>();
        for (RecordComponent component : Settings.class.getRecordComponents()) {
            settings.put(component.getName(), component.getGenericType());
        }
        for (Class<? extends Record> root : SettingsEnvironment.ROOT_RECORDS) {
            assertThat(root.getAnnotation(ConfigurationProperties.class).value()).isEqualTo("imgorigin");
            for (RecordComponent component : root.getRecordComponents()) {
                assertThat(settings).as(root.getSimpleName() + "." + component.getName())
                        .containsEntry(component.getName(), component.getGenericType());
            }
        }
    }

    @Test
    void presetsTravelAsJsonAndKeepTheirNames(@TempDir Path dir) throws IOException {
        Map<String, String> env = renderEverySetting(dir).plainEnv();

        assertThat(env).containsKey(SettingsEnvironment.APPLICATION_JSON)
                .doesNotContainKeys("IMGORIGIN_PRESETS_THUMB", "IMGORIGIN_PRESETS");
        assertThat(env.get(SettingsEnvironment.APPLICATION_JSON)).contains("\"Hero_Wide\"");
    }

    private static RenderedManifests renderEverySetting(Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("every-setting.yaml"), EVERY_SETTING);
        return HelmChartTest.render(HelmChartTest.template().withValuesFile(values));
    }
}
