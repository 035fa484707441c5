package io.imgorigin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.imgorigin.deploy.SettingsEnvironment.Settings;
import io.imgorigin.options.LimitsProperties;
import io.imgorigin.processing.ProcessingProperties;
import io.imgorigin.source.SourceProperties;
import io.imgorigin.web.CacheProperties;

/** deploy/ecs/task-definition.json names only real settings, and runs the container the way the image expects. */
class EcsTaskDefinitionTest {

    static final Path TASK_DEFINITION = Path.of("deploy", "ecs", "task-definition.json");

    @Test
    void environmentUsesOnlyRealSettingsAndBinds() throws IOException {
        Map<String, Object> container = container();
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> entry : Yamls.list(container, "environment")) {
            env.put((String) entry.get("name"), (String) entry.get("value"));
        }
        List<String> secrets = Yamls.list(container, "secrets").stream().map(s -> (String) s.get("name")).toList();

        assertThat(SettingsEnvironment.variableNames()).containsAll(env.keySet()).containsAll(secrets);
        assertThat(secrets).containsExactly("IMGORIGIN_SECURITY_SIGNINGKEYS");
        Settings bound = SettingsEnvironment.bind(env);
        assertThat(bound.source().type()).isEqualTo(SourceProperties.SourceType.S3);
        assertThat(bound.source().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bound.limits().maxSourcePixels()).isEqualTo(50_000_000L);
    }

    @Test
    void portsHealthCheckAndShutdownFitTheImage() throws IOException {
        Map<String, Object> task = taskDefinition();
        Map<String, Object> container = container();

        assertThat(task).containsEntry("networkMode", "awsvpc");
        assertThat(task.get("requiresCompatibilities")).isEqualTo(List.of("FARGATE"));
        assertThat((String) task.get("taskRoleArn")).startsWith("arn:aws:iam::");
        assertThat(Yamls.list(container, "portMappings")).extracting(p -> p.get("containerPort"))
                .containsExactly(8080, 8081);
        assertThat(Yamls.get(container, "healthCheck.command"))
                .isEqualTo(List.of("CMD", "bash", "/usr/local/bin/imgorigin-healthcheck"));
        assertThat((Integer) container.get("stopTimeout")).as("Spring drains for up to 20s").isGreaterThanOrEqualTo(30);
        assertThat(Yamls.get(container, "logConfiguration.logDriver")).isEqualTo("awslogs");
        assertThat(container).containsEntry("readonlyRootFilesystem", true).containsEntry("user", "10001:10001");
        assertThat(Yamls.list(container, "mountPoints"))
                .anySatisfy(m -> assertThat(m).containsEntry("containerPath", "/tmp"));
    }

    private static Map<String, Object> taskDefinition() throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        return Yamls.asMap((Map<?, ?>) yaml.load(Files.readString(TASK_DEFINITION)));
    }

    private static Map<String, Object> container() throws IOException {
        return Yamls.list(taskDefinition(), "containerDefinitions").getFirst();
    }
}
