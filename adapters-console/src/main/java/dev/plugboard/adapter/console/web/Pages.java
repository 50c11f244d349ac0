package dev.plugboard.adapter.console.web;

import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/** Builds a page's model: its frame plus the page's own values (which may be null, unlike in Map.of). */
public final class Pages {

    private Pages() {
    }

    public static ModelAndView<Map<String, Object>> view(String template, Chrome chrome, Object... namesAndValues) {
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", chrome);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            model.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new ModelAndView<>(template, model);
    }
}
