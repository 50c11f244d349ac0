package dev.plugboard.adapter.console.analytics;

import dev.plugboard.adapter.console.session.ConsoleCookies;
import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.adapter.console.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/**
 * The home page with the analytics widget, which htmx refreshes every five seconds, and the switch
 * between acting for oneself and for one's organization.
 */
@Controller("/console")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class HomeController {

    private final AnalyticsWidgets widgets;

    HomeController(AnalyticsWidgets widgets) {
        this.widgets = widgets;
    }

    @Get
    ModelAndView<Map<String, Object>> home(HttpRequest<?> request) {
        ConsoleUser user = ConsoleUser.of(request);
        return Pages.view("home", Chrome.of("Home", "home", user), "widget", widget(user));
    }

    @Get("/analytics/widget")
    ModelAndView<Map<String, Object>> widgetFragment(HttpRequest<?> request) {
        return new ModelAndView<>("widget", Map.of("widget", widget(ConsoleUser.of(request))));
    }

    @Post("/acting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> act(HttpRequest<?> request, @Body Map<String, String> form) {
        String acting = "self".equals(form.get("acting")) ? "self" : "org";
        return HttpResponse.ok().header("HX-Refresh", "true").cookie(ConsoleCookies.acting(request, acting));
    }

    private AnalyticsWidget widget(ConsoleUser user) {
        return widgets.of(user.caller().owner());
    }
}
