package io.imgorigin.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Kubernetes objects of one {@code helm template} run, looked up by kind. */
record RenderedManifests(List<Map<String, Object>> objects) {

    static RenderedManifests parse(String multiDocumentYaml) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : yaml.loadAll(multiDocumentYaml)) {
            if (document instanceof Map<?, ?> map) {
                objects.add(Yamls.asMap(map));
            }
        }
        return new RenderedManifests(List.copyOf(objects));
    }

    List<String> kinds() {
        return objects.stream().map(o -> (String) o.get("kind")).toList();
    }

    boolean has(String kind) {
        return kinds().contains(kind);
    }

    Map<String, Object> only(String kind) {
        List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " but found " + found.size() + " among " + kinds());
        }
        return found.getFirst();
    }

    /** The first container of the Deployment's pod template. */
    Map<String, Object> container() {
        List<Map<String, Object>> containers = Yamls.list(only("Deployment"), "spec.template.spec.containers");
        return containers.getFirst();
    }

    /** The container's plain {@code name: value} variables, in order. */
    Map<String, String> plainEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> entry : Yamls.list(container(), "env")) {
            if (entry.containsKey("value")) {
                env.put((String) entry.get("name"), Objects.toString(entry.get("value")));
            }
        }
        return env;
    }

    /** The container's variable of that name, as rendered. */
    Map<String, Object> envEntry(String name) {
        return Yamls.list(container(), "env").stream()
                .filter(e -> name.equals(e.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in " + Yamls.list(container(), "env")));
    }
}
