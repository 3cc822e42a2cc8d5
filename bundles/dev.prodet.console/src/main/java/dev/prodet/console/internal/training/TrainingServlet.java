package dev.prodet.console.internal.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prodet.api.home.Workspace;
import dev.prodet.api.serve.ApiException;
import dev.prodet.console.internal.http.ApiSupport;
import dev.prodet.train.api.Trainer;
import dev.prodet.train.api.TrainingRun;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /console/api/training/}: {@code GET runs}; {@code GET runs/ID/scalars?from=OFFSET};
 * {@code GET runs/ID/checkpoints}; {@code POST runs/ID/swap} {@code {"regularizer": NAME}};
 * {@code POST runs/ID/export}. Registered only while a {@link Trainer} is, i.e. in the training runtime.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/console/api/training/*")
@HttpWhiteboardServletName("prodet-console-training")
public final class TrainingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Largest piece of scalars.jsonl one poll returns. */
    static final int MAX_SCALARS_BYTES = 256 * 1024;

    private final transient ApiSupport api;
    private final transient RunFolders folders;
    private final transient TrainingActions actions;
    private final transient Path workspace;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
    private transient volatile List<Trainer> trainers;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile CommandProcessor commands;

    @Activate
    public TrainingServlet(BundleContext context) {
        this.workspace = Workspace.folder(context::getProperty);
        this.folders = new RunFolders(workspace);
        this.api = ApiSupport.fromRuntime(context::getProperty);
        this.actions = new TrainingActions(context, () -> commands);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        api.handle(req, resp, false, () -> get(req, segments(req)));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        api.handle(req, resp, true, () -> post(req, segments(req)));
    }

    private Object get(HttpServletRequest req, List<String> s) throws ApiException, IOException {
        if (s.equals(List.of("runs"))) {
            return runs();
        }
        if (s.size() == 3 && s.get(0).equals("runs")) {
            Path folder = live(s.get(1)).map(TrainingRun::folder).orElseGet(() -> folders.folder(s.get(1)));
            switch (s.get(2)) {
                case "scalars":
                    return scalars(folder, req.getParameter("from"));
                case "checkpoints":
                    return RunFolders.checkpoints(folder);
                default:
                    break;
            }
        }
        throw ApiException.notFound("no-endpoint", "no endpoint GET " + req.getRequestURI());
    }

    private Object post(HttpServletRequest req, List<String> s) throws ApiException, IOException {
        if (s.size() == 3 && s.get(0).equals("runs")) {
            String id = s.get(1);
            folders.folder(id); // checks the id
            switch (s.get(2)) {
                case "swap": {
                    JsonNode body = api.body(req);
                    String name = body.path("regularizer").asText("");
                    if (name.isBlank()) {
                        throw ApiException.badRequest("no-regularizer", "send {\"regularizer\": NAME}");
                    }
                    TrainingRun run = live(id).orElseThrow(() -> ApiException.notFound(
                            "unknown-run", "run " + id + " is not going in this runtime; only live runs can swap"));
                    return actions.swap(run, name);
                }
                case "export":
                    return actions.export(id);
                default:
                    break;
            }
        }
        throw ApiException.notFound("no-endpoint", "no endpoint POST " + req.getRequestURI());
    }

    private Map<String, Object> runs() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Trainer t : trainers) {
            List<TrainingRun> list = new ArrayList<>(t.runs());
            java.util.Collections.reverse(list); // newest first, as the folders
            for (TrainingRun r : list) {
                if (!seen.contains(r.id())) {
                    seen.add(r.id());
                    out.add(TrainingActions.json(r, workspace));
                }
            }
        }
        for (String id : folders.onDisk()) {
            if (!seen.contains(id)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("live", false);
                m.put("state", "ON_DISK");
                out.add(m);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", out);
        m.put("regularizers", actions.regularizers());
        return m;
    }

    private static Map<String, Object> scalars(Path folder, String fromParam) throws ApiException, IOException {
        long from;
        try {
            from = fromParam == null ? 0 : Long.parseLong(fromParam);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad-offset", "from must be a byte offset, got '" + fromParam + "'");
        }
        if (from < 0) {
            throw ApiException.badRequest("bad-offset", "from must be >= 0, got " + from);
        }
        ScalarsTail.Chunk c = ScalarsTail.read(folder.resolve("scalars.jsonl"), from, MAX_SCALARS_BYTES);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", c.records());
        m.put("next", c.next());
        m.put("size", c.size());
        m.put("skipped", c.skipped());
        return m;
    }

    /** The running (or latest) run of this id in this runtime. */
    private Optional<TrainingRun> live(String id) {
        TrainingRun found = null;
        for (Trainer t : trainers) {
            for (TrainingRun r : t.runs()) {
                if (r.id().equals(id) && (found == null || !r.state().isTerminal())) {
                    found = r;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<String> segments(HttpServletRequest req) {
        List<String> out = new ArrayList<>();
        String p = req.getPathInfo();
        if (p != null) {
            for (String part : p.split("/")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }
}
