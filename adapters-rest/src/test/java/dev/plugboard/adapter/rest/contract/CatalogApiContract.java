package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/plugins} and {@code GET /api/plugins/{name}}: filters, paging, details, errors. */
public abstract class CatalogApiContract extends ApiContract {

    private final Who reader = Who.newUser("reader");

    private List<String> names(String query) {
        JsonNode page = ok(api().get("/api/plugins" + query, reader), 200);
        List<String> names = new ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    @Test
    void givenCatalog_list_answersItemsAndANullNextOnTheLastPage() {
        JsonNode page = ok(api().get("/api/plugins?limit=200", reader), 200);

        assertThat(page.has("next")).isTrue();
        assertThat(page.path("items").isArray()).isTrue();
        JsonNode webhook = null;
        for (JsonNode item : page.path("items")) {
            webhook = item.path("name").asText().equals(ContractPlugins.WEBHOOK) ? item : webhook;
        }
        assertThat(webhook).as("the registered webhook is listed").isNotNull();
        assertThat(webhook.path("displayName").asText()).isEqualTo("Contract webhook");
        assertThat(webhook.path("version").asText()).isEqualTo("1.0.0");
        assertThat(webhook.path("enabled").asBoolean()).isTrue();
        assertThat(webhook.has("settingsSchema")).as("a listing leaves the schemas out").isFalse();
    }

    @Test
    void givenFilters_list_answersOnlyMatchingPlugins() {
        String category = "?category=" + ContractPlugins.PAGING_CATEGORY;

        assertThat(names(category)).containsExactly("contract-page-a", "contract-page-b", "contract-page-c");
        assertThat(names(category + "&tag=alpha")).containsExactly("contract-page-a", "contract-page-b");
        assertThat(names(category + "&tag=alpha&tag=beta")).containsExactly("contract-page-b");
        assertThat(names(category + "&capability=import")).containsExactly("contract-page-b", "contract-page-c");
        assertThat(names("?q=ZEBRAFISH")).containsExactly("contract-page-b");
        assertThat(names(category + "&tag=no-such-tag")).isEmpty();
        assertThat(names(category + "&tag=")).as("an empty tag filters nothing").hasSize(3);
    }

    @Test
    void givenLimit_list_pagesWithTheNextCursorUntilItIsNull() {
        String category = "/api/plugins?category=" + ContractPlugins.PAGING_CATEGORY + "&limit=2";
        JsonNode first = ok(api().get(category, reader), 200);
        assertThat(first.path("items")).hasSize(2);
        String next = first.path("next").asText();
        assertThat(next).isNotBlank();

        JsonNode second = ok(api().get(category + "&after=" + next, reader), 200);

        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("name").asText()).isEqualTo("contract-page-c");
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void givenBadPaging_list_is400() {
        assertThat(problem(api().get("/api/plugins?limit=0", reader), 400).path("detail").asText()).contains("limit");
        problem(api().get("/api/plugins?limit=201", reader), 400);
        problem(api().get("/api/plugins?limit=many", reader), 400);
        assertThat(problem(api().get("/api/plugins?after=%21%21%21", reader), 400).path("code").asText())
                .isEqualTo("invalid_value");
    }

    @Test
    void givenPlugin_get_answersDetailsWithSchemas() {
        JsonNode plugin = ok(api().get("/api/plugins/" + ContractPlugins.WEBHOOK, reader), 200);

        assertThat(plugin.path("name").asText()).isEqualTo(ContractPlugins.WEBHOOK);
        assertThat(plugin.path("category").asText()).isEqualTo("contract-automation");
        assertThat(plugin.path("settingsSchema").path("required").get(0).asText()).isEqualTo("url");
        assertThat(plugin.path("settingsSchema").path("properties").path("token").path("writeOnly").asBoolean()).isTrue();
        assertThat(plugin.path("inputSchema").path("properties").has("text")).isTrue();
        assertThat(plugin.path("outputSchema").isNull()).isTrue();
        assertThat(plugin.path("execution").path("mode").asText()).isEqualTo("external");
        assertThat(plugin.path("source").asText()).isEqualTo("registered");
        assertThat(plugin.path("registeredAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void givenUnknownPlugin_get_is404Problem() {
        JsonNode problem = problem(api().get("/api/plugins/no-such-plugin", reader), 404);

        assertThat(problem.path("code").asText()).isEqualTo("plugin_not_found");
        assertThat(problem.path("detail").asText()).contains("no-such-plugin");
    }

    @Test
    void givenMalformedName_get_is400Problem() {
        problem(api().get("/api/plugins/Not_A_Slug", reader), 400);
    }

    @Test
    void givenETagOfAPageAndOfAPlugin_getWithIfNoneMatch_is304WithoutBody() {
        String name = Who.unique("contract-etag");
        ContractPlugins.register(api(), Who.newAdmin(), ContractPlugins.minimal(name, "contract-etag"));
        for (String path : List.of("/api/plugins?category=contract-etag&limit=5", "/api/plugins/" + name)) {
            ApiResponse first = api().get(path, reader);
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            String etag = first.header("ETag");
            assertThat(etag).as(path).matches("\"[A-Za-z0-9_-]+\"");

            ApiResponse again = api().send("GET", path, Who.newUser("other-reader"), null, Map.of("If-None-Match", etag));

            assertThat(again.status()).as(again.toString()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo(etag);
            assertThat(api().send("GET", path, reader, null, Map.of("If-None-Match", "\"stale\", W/" + etag)).status())
                    .as("a list of tags, one of them weak, still matches").isEqualTo(304);
        }
    }

    @Test
    void givenChangedPlugin_getWithTheOldETag_is200WithANewETag() {
        String name = Who.unique("contract-etag");
        Who admin = Who.newAdmin();
        ContractPlugins.register(api(), admin, ContractPlugins.minimal(name, "contract-etag-change"));
        String page = "/api/plugins?category=contract-etag-change";
        String pageTag = api().get(page, reader).header("ETag");
        String detailsTag = api().get("/api/plugins/" + name, reader).header("ETag");

        ContractPlugins.register(api(), admin, ContractPlugins.minimal(name, "contract-etag-change").replace("1.0.0", "1.1.0"));
        ApiResponse changedPage = api().send("GET", page, reader, null, Map.of("If-None-Match", pageTag));
        ApiResponse changedDetails = api().send("GET", "/api/plugins/" + name, reader, null, Map.of("If-None-Match", detailsTag));

        assertThat(changedPage.status()).as(changedPage.toString()).isEqualTo(200);
        assertThat(changedPage.header("ETag")).isNotEqualTo(pageTag);
        assertThat(changedPage.json().path("items").get(0).path("version").asText()).isEqualTo("1.1.0");
        assertThat(changedDetails.status()).as(changedDetails.toString()).isEqualTo(200);
        assertThat(changedDetails.header("ETag")).isNotEqualTo(detailsTag);
        assertThat(changedDetails.json().path("version").asText()).isEqualTo("1.1.0");
    }
}
