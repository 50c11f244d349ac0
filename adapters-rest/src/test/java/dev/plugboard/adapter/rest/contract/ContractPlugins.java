package dev.plugboard.adapter.rest.contract;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugins the suite works with, registered through the admin API so that the suite needs no
 * particular catalog: the in-memory server and the real one start with different plugins. All run
 * on external workers, so their runs stay pending until the test moves them.
 */
public final class ContractPlugins {

    public static final String WEBHOOK = "contract-webhook";
    public static final String NOTES = "contract-notes";
    public static final String PAGING_CATEGORY = "contract-paging";
    public static final List<String> PAGED = List.of("contract-page-a", "contract-page-b", "contract-page-c");
    public static final String QUOTA_CATEGORY = "contract-quota";
    public static final int QUOTA_PLUGINS = 6;

    private static final Set<String> REGISTERED_ON = ConcurrentHashMap.newKeySet();

    private ContractPlugins() {
    }

    /** Registers every fixture plugin once per server. */
    public static void ensureRegistered(ApiClient api, ApiTarget target) {
        if (!REGISTERED_ON.add(target.baseUrl().toString())) {
            return;
        }
        Who admin = Who.newAdmin();
        register(api, admin, webhook());
        register(api, admin, notes());
        register(api, admin, paged("contract-page-a", "[\"contract\", \"alpha\"]", "[\"export\"]", "Exports things"));
        register(api, admin, paged("contract-page-b", "[\"contract\", \"alpha\", \"beta\"]", "[\"export\", \"import\"]",
                "Moves things like a zebrafish"));
        register(api, admin, paged("contract-page-c", "[\"contract\", \"beta\"]", "[\"import\"]", "Imports things"));
        for (int i = 1; i <= QUOTA_PLUGINS; i++) {
            register(api, admin, minimal("contract-quota-" + i, QUOTA_CATEGORY));
        }
    }

    public static ApiResponse register(ApiClient api, Who admin, String manifest) {
        ApiResponse response = api.post("/api/admin/plugins", admin, manifest);
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }

    /** A webhook: a required URL with a pattern, an enum with a default, a bounded number, a secret token. */
    public static String webhook() {
        return """
                {
                  "name": "contract-webhook",
                  "version": "1.0.0",
                  "displayName": "Contract webhook",
                  "description": "Posts events to a URL",
                  "category": "contract-automation",
                  "tags": ["contract", "http"],
                  "capabilities": ["event:contract.ping"],
                  "settingsSchema": {
                    "type": "object",
                    "required": ["url"],
                    "properties": {
                      "url": {"type": "string", "pattern": "^https?://"},
                      "method": {"type": "string", "enum": ["POST", "PUT"], "default": "POST"},
                      "retries": {"type": "integer", "minimum": 0, "maximum": 5},
                      "token": {"type": "string", "writeOnly": true}
                    },
                    "additionalProperties": false
                  },
                  "inputSchema": {
                    "type": "object",
                    "properties": {"text": {"type": "string", "maxLength": 50}}
                  },
                  "execution": {"mode": "external", "timeout": "30s"}
                }""";
    }

    /** A plugin whose settings are all optional. */
    public static String notes() {
        return """
                {
                  "name": "contract-notes",
                  "version": "1.0.0",
                  "displayName": "Contract notes",
                  "category": "contract-productivity",
                  "tags": ["contract", "notes"],
                  "defaultSettings": {"color": "blue"},
                  "settingsSchema": {
                    "type": "object",
                    "properties": {"color": {"type": "string", "enum": ["red", "blue"]}}
                  },
                  "execution": {"mode": "external"}
                }""";
    }

    public static String minimal(String name, String category) {
        return """
                {"name": "%s", "version": "1.0.0", "category": "%s", "tags": ["contract"],
                 "execution": {"mode": "external"}}""".formatted(name, category);
    }

    public static String dependingOn(String name, String dependency) {
        return """
                {"name": "%s", "version": "1.0.0", "category": "contract-switch",
                 "dependencies": {"%s": "^1.0.0"}, "execution": {"mode": "external"}}""".formatted(name, dependency);
    }

    /**
     * A plugin of its own for one test of execution, so that claims see only that test's runs: run
     * by external workers, with a secret {@code apiKey} setting, subscribing to {@code eventType},
     * tried at most twice with a 2 s backoff, {@code BAD_PAYLOAD} never retried.
     */
    public static String external(String name, String eventType) {
        return """
                {"name": "%s", "version": "1.0.0", "category": "contract-execution", "tags": ["contract"],
                 "capabilities": ["event:%s"],
                 "settingsSchema": {"type": "object", "properties": {
                   "endpoint": {"type": "string"}, "apiKey": {"type": "string", "writeOnly": true}}},
                 "execution": {"mode": "external", "retry": {"maxAttempts": 2, "initialBackoff": "2s",
                   "maxBackoff": "2s", "multiplier": 1, "nonRetryableCodes": ["BAD_PAYLOAD"]}}}"""
                .formatted(name, eventType);
    }

    /** A plugin whose runs the server executes itself: workers cannot claim them. */
    public static String inProcess(String name) {
        return """
                {"name": "%s", "version": "1.0.0", "category": "contract-execution", "tags": ["contract"],
                 "execution": {"mode": "in-process"}}""".formatted(name);
    }

    private static String paged(String name, String tags, String capabilities, String description) {
        return """
                {"name": "%s", "version": "1.0.0", "category": "%s", "tags": %s, "capabilities": %s,
                 "description": "%s", "execution": {"mode": "external"}}"""
                .formatted(name, PAGING_CATEGORY, tags, capabilities, description);
    }
}
