package dev.prodet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguratorResourcesTest {
    @TempDir
    Path dir;

    @Test
    void featureResourceComesFirstThenOperatorFilesInNameOrder() throws Exception {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        String headers = "\":configurator:resource-version\": 1, \":configurator:symbolic-name\": \"x\","
                + " \":configurator:version\": \"1.0.0\"";
        Files.writeString(configs.resolve("b.json"), "{" + headers + "}");
        Files.writeString(configs.resolve("a.json"), "{" + headers + "}");
        Files.writeString(configs.resolve("notes.txt"), "ignored");
        FeatureSet set = new FeatureSet("linux-x86_64");
        set.names.add("core");
        set.configurations.put("pid.one", Map.of("list", new String[] {"a", "b"}));
        String[] urls = ConfiguratorResources.initialProperty(set, configs, dir.resolve("work"))
                .split(",");
        assertEquals(3, urls.length);
        assertTrue(urls[0].endsWith("feature-configurations.json"), urls[0]);
        assertTrue(
                urls[1].endsWith("/a.json") && urls[2].endsWith("/b.json"),
                List.of(urls).toString());
        String written = Files.readString(dir.resolve("work/feature-configurations.json"));
        assertTrue(written.contains("\"pid.one\":{\"list\":[\"a\",\"b\"]}"), written);
    }

    @Test
    void operatorFileWithoutHeadersIsRefusedWithTheReason() throws Exception {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Files.writeString(configs.resolve("bad.json"), "{ \"pid\": {} }");
        LaunchException e = assertThrows(
                LaunchException.class,
                () -> ConfiguratorResources.initialProperty(
                        new FeatureSet("linux-x86_64"), configs, dir.resolve("work")));
        assertTrue(e.getMessage().contains("lacks the header \":configurator:resource-version\""), e.getMessage());
    }
}
