package dev.plugboard.adapter.console.catalog;

/** The catalog filters as the user set them, to keep the form filled in and to build paging links. */
public record CatalogQuery(String q, String category, String tag, String capability) {

    public String text(String value) {
        return value == null ? "" : value;
    }
}
