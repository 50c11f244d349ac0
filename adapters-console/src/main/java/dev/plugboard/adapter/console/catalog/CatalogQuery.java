package dev.plugboard.adapter.console.catalog;

/** The catalog filters as the user set them, to keep the form filled in and to build paging links. */
public record CatalogQuery(String q, String category, String tag, String capability) {

    public String text(String value) {
        return value == null ? "" : value;
    }

    /** The link to the page after {@code cursor}, with these filters, each value URL-encoded. */
    public String nextPage(String cursor) {
        return io.micronaut.http.uri.UriBuilder.of("/console/plugins").queryParam("q", text(q))
                .queryParam("category", text(category)).queryParam("tag", text(tag))
                .queryParam("capability", text(capability)).queryParam("after", cursor).build().toString();
    }
}
