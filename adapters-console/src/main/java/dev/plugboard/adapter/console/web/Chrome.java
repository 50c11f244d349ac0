package dev.plugboard.adapter.console.web;

import dev.plugboard.adapter.console.session.ConsoleUser;

import java.util.List;
import java.util.Optional;

/**
 * What every page's frame shows: the title, the menu (administration only for administrators),
 * who is signed in, whose data the page shows with the owners they may switch to, and the CSRF
 * token htmx sends with every change.
 */
public record Chrome(String title, String section, Optional<ConsoleUser> user) {

    public static final String HTMX = "/console/webjars/htmx.org/2.0.7/dist/htmx.min.js";

    public static Chrome of(String title, String section, ConsoleUser user) {
        return new Chrome(title, section, Optional.of(user));
    }

    public static Chrome anonymous(String title) {
        return new Chrome(title, "", Optional.empty());
    }

    public String csrf() {
        return user.map(ConsoleUser::csrfToken).orElse("");
    }

    /** The htmx headers every request from the page carries. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrf() + "\"}";
    }

    public boolean admin() {
        return user.map(ConsoleUser::admin).orElse(false);
    }

    public List<Link> menu() {
        List<Link> links = new java.util.ArrayList<>(List.of(new Link("home", "/console", "Home"),
                new Link("plugins", "/console/plugins", "Available plugins"),
                new Link("mine", "/console/my-plugins", "My plugins"),
                new Link("runs", "/console/runs", "Runs"),
                new Link("circuits", "/console/circuits", "Circuits"),
                new Link("workflows", "/console/workflows", "Workflows")));
        if (admin()) {
            links.add(new Link("admin", "/console/admin", "Administration"));
        }
        return links;
    }

    /** The owners the user can act for: themselves, and the organization of their session. */
    public List<Link> owners() {
        return user.filter(u -> u.identity().organization().isPresent()).map(u -> List.of(
                new Link(u.actingFor().isEmpty() ? "current" : "", "self", "user " + u.identity().user()),
                new Link(u.actingFor().isPresent() ? "current" : "", "org",
                        "organization " + u.identity().organization().get()))).orElse(List.of());
    }

    /** A menu entry or switch option; {@code key} is its section, or "current" for the chosen owner. */
    public record Link(String key, String href, String label) {
    }
}
