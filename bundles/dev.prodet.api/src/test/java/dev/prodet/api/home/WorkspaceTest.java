package dev.prodet.api.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceTest {

    @Test
    void thePropertyNamesTheWorkspace() {
        Map<String, String> props = Map.of(Workspace.PROPERTY, "/srv/prodet");
        assertEquals(Path.of("/srv/prodet"), Workspace.folder(props::get));
    }

    @Test
    void withoutThePropertyTheWorkingDirectory() {
        assertEquals(Path.of(System.getProperty("user.dir")), Workspace.folder(key -> null));
    }
}
