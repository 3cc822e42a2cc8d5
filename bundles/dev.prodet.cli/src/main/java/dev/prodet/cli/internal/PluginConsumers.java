package dev.prodet.cli.internal;

import dev.prodet.api.plugin.PluginProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.dto.ServiceReferenceDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;

/**
 * Finds the components that consume a plugin kind: by convention, a component holds a plugin of kind {@code k}
 * through a reference named {@code k}, whose target filter is the configuration property {@code k.target}.
 */
final class PluginConsumers {
    private final ServiceComponentRuntime scr;

    PluginConsumers(ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    /** Component descriptions with a reference named after the kind. */
    List<ComponentDescriptionDTO> consumersOf(String kind) {
        List<ComponentDescriptionDTO> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            for (ReferenceDTO r : d.references) {
                if (r.name.equals(kind)) {
                    out.add(d);
                    break;
                }
            }
        }
        return out;
    }

    /** For each kind that has consumers: the plugin names their active configurations are bound to now. */
    Map<String, List<String>> boundNames() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                for (SatisfiedReferenceDTO r : c.satisfiedReferences) {
                    for (String name : boundNames(r, r.name)) {
                        out.computeIfAbsent(r.name, k -> new ArrayList<>()).add(name);
                    }
                }
            }
        }
        return out;
    }

    /** Plugin names bound to the given component's reference named after the kind. */
    List<String> boundNames(ComponentDescriptionDTO d, String kind) {
        List<String> out = new ArrayList<>();
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
            for (SatisfiedReferenceDTO r : c.satisfiedReferences) {
                if (r.name.equals(kind)) {
                    out.addAll(boundNames(r, kind));
                }
            }
        }
        return out;
    }

    private static List<String> boundNames(SatisfiedReferenceDTO r, String kind) {
        List<String> out = new ArrayList<>();
        String key;
        try {
            key = PluginProperties.nameKey(kind);
        } catch (IllegalArgumentException e) {
            return out; // a reference name that is not a plugin kind
        }
        for (ServiceReferenceDTO s : r.boundServices) {
            Object name = s.properties.get(key);
            if (name != null) {
                out.add(String.valueOf(name));
            }
        }
        return out;
    }
}
