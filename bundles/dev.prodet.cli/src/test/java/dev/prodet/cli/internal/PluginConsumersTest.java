package dev.prodet.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.dto.ServiceReferenceDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;

/** Consumers are found by the naming convention: a reference named after the plugin kind. */
class PluginConsumersTest {

    private static ComponentDescriptionDTO component(String name, String... references) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.references = new ReferenceDTO[references.length];
        for (int i = 0; i < references.length; i++) {
            d.references[i] = new ReferenceDTO();
            d.references[i].name = references[i];
        }
        return d;
    }

    private static SatisfiedReferenceDTO bound(String reference, Map<String, Object> properties) {
        SatisfiedReferenceDTO r = new SatisfiedReferenceDTO();
        r.name = reference;
        ServiceReferenceDTO s = new ServiceReferenceDTO();
        s.properties = properties;
        r.boundServices = new ServiceReferenceDTO[] {s};
        return r;
    }

    private static ServiceComponentRuntime scr(
            List<ComponentDescriptionDTO> descriptions, Map<String, SatisfiedReferenceDTO[]> satisfied) {
        return (ServiceComponentRuntime) Proxy.newProxyInstance(
                PluginConsumersTest.class.getClassLoader(),
                new Class<?>[] {ServiceComponentRuntime.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getComponentDescriptionDTOs" -> descriptions;
                    case "getComponentConfigurationDTOs" -> {
                        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
                        c.satisfiedReferences = satisfied.getOrDefault(
                                ((ComponentDescriptionDTO) args[0]).name, new SatisfiedReferenceDTO[0]);
                        yield List.of(c);
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void consumersAndTheNamesTheyAreBoundTo() {
        ComponentDescriptionDTO trainer = component("trainer", "regularizer", "backbone");
        ComponentDescriptionDTO server = component("server", "models");
        PluginConsumers consumers = new PluginConsumers(scr(
                List.of(trainer, server),
                Map.of(
                        "trainer",
                        new SatisfiedReferenceDTO[] {
                            bound("regularizer", Map.of("prodet.regularizer.name", "opr-tb")),
                            bound("backbone", Map.of("prodet.backbone.name", "compact"))
                        },
                        "server",
                        new SatisfiedReferenceDTO[] {bound("models", Map.of("other", "x"))})));
        assertEquals(List.of(trainer), consumers.consumersOf("regularizer"));
        assertEquals(List.of(), consumers.consumersOf("generator"));
        assertEquals(List.of("opr-tb"), consumers.boundNames(trainer, "regularizer"));
        assertEquals(Map.of("regularizer", List.of("opr-tb"), "backbone", List.of("compact")), consumers.boundNames());
    }

    @Test
    void referenceNamesThatAreNoPluginKindAreIgnored() {
        ComponentDescriptionDTO c = component("c", "Log-Service");
        PluginConsumers consumers = new PluginConsumers(
                scr(List.of(c), Map.of("c", new SatisfiedReferenceDTO[] {bound("Log-Service", Map.of())})));
        assertEquals(Map.of(), consumers.boundNames());
    }
}
