package io.imgorigin.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dotted-path navigation through parsed YAML or JSON (maps and lists of plain values). */
final class Yamls {

    private Yamls() {
    }

    static Object get(Map<String, Object> root, String dottedPath) {
        Object current = root;
        for (String part : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                throw new AssertionError("no '" + dottedPath + "' (stopped at '" + part + "') in " + root);
            }
            current = map.get(part);
        }
        return current;
    }

    static Map<String, Object> map(Map<String, Object> root, String dottedPath) {
        return asMap((Map<?, ?>) get(root, dottedPath));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> root, String dottedPath) {
        Object value = get(root, dottedPath);
        if (!(value instanceof List<?> items)) {
            throw new AssertionError("'" + dottedPath + "' is not a list: " + value);
        }
        return (List<Map<String, Object>>) items;
    }

    static Map<String, Object> asMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
