package dev.plugboard.adapter.rest.catalog;

import dev.plugboard.adapter.rest.ConditionalGet;
import dev.plugboard.adapter.rest.PageResponse;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The catalog, readable by every authenticated caller. */
@BearerOperations
@Controller("/api/plugins")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "catalog")
public class CatalogController {

    private final BrowseCatalogUseCase catalog;
    private final ConditionalGet conditional;

    public CatalogController(BrowseCatalogUseCase catalog, ConditionalGet conditional) {
        this.catalog = catalog;
        this.conditional = conditional;
    }

    /**
     * Lists plugins by name, narrowed by every filter given.
     *
     * @param category   only plugins of this category
     * @param tag        only plugins carrying all of these tags (repeat the parameter)
     * @param capability only plugins with this capability
     * @param q          free text in the name, display name, description or tags
     * @param limit      page size, 1 to 200 (default 50)
     * @param after      the {@code next} cursor of the previous page
     * @return one page of plugins, with an {@code ETag}; 304 when {@code If-None-Match} names it
     */
    @Get
    @ProblemAnswers.BadRequest
    public HttpResponse<PageResponse<PluginSummaryResponse>> listPlugins(HttpRequest<?> request, @Nullable @QueryValue String category,
                                                    @Nullable @QueryValue List<String> tag,
                                                    @Nullable @QueryValue String capability,
                                                    @Nullable @QueryValue String q,
                                                    @Nullable @QueryValue Integer limit,
                                                    @Nullable @QueryValue String after) {
        CatalogFilter filter = new CatalogFilter(Optional.ofNullable(category), tags(tag),
                Optional.ofNullable(capability), Optional.ofNullable(q), Optional.empty());
        return conditional.respond(request,
                PageResponse.from(catalog.list(filter, PageResponse.request(limit, after)), PluginSummaryResponse::from));
    }

    private static Set<String> tags(List<String> tags) {
        // "?tag=" alone means no tag filter, not a filter on the empty tag.
        return tags == null ? Set.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * One plugin with its schemas.
     *
     * @param name the plugin's name
     * @return the plugin, with an {@code ETag}; 304 when {@code If-None-Match} names it
     */
    @Get("/{name}")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    public HttpResponse<PluginDetailsResponse> getPlugin(HttpRequest<?> request, String name) {
        Plugin plugin = catalog.get(name);
        return conditional.respond(request, PluginDetailsResponse.from(plugin, catalog.unsatisfied(plugin)));
    }
}
