package dev.plugboard.plugins.archfixture;

import java.net.http.HttpClient;

/** Breaks the plugin rule: a plugin with an HTTP client of its own, around the guard. */
public class PluginWithItsOwnHttpClient {

    public HttpClient client() {
        return HttpClient.newHttpClient();
    }
}
