package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a manifest says its plugin came from (seed 003's {@code installedFrom}) and, optionally,
 * the address of that source. Information for people: unlike {@link PluginSource}, it gives no
 * right to update the plugin.
 */
public record PluginOrigin(InstalledFrom installedFrom, Optional<String> sourceUrl) {

    /** The kinds of origin a manifest may name. */
    public enum InstalledFrom { MARKETPLACE, GIT_REPOSITORY, NPM_REGISTRY, LOCAL_FILE, DOCKER_REGISTRY, INTERNAL, CUSTOM }

    public PluginOrigin {
        Require.present("installedFrom", installedFrom);
        sourceUrl = Require.present("sourceUrl", sourceUrl).map(PluginOrigin::checkedUrl);
    }

    /**
     * The origin a manifest's {@code installedFrom} and {@code sourceUrl} name; empty when neither is given.
     *
     * @throws InvalidValueException for an unknown kind, a bad URL, or a URL without its kind
     */
    public static Optional<PluginOrigin> of(Optional<String> installedFrom, Optional<String> sourceUrl) {
        if (installedFrom.isEmpty()) {
            if (sourceUrl.isPresent()) {
                throw new InvalidValueException("sourceUrl", sourceUrl.get(),
                        "needs installedFrom too, one of " + Arrays.toString(InstalledFrom.values()));
            }
            return Optional.empty();
        }
        return Optional.of(new PluginOrigin(kind(installedFrom.get()), sourceUrl));
    }

    private static InstalledFrom kind(String text) {
        try {
            return InstalledFrom.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("installedFrom", text, "must be one of " + Arrays.toString(InstalledFrom.values()));
        }
    }

    private static String checkedUrl(String text) {
        String url = Require.length("sourceUrl", Require.nonBlank("sourceUrl", text).strip(), 1, 500);
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && !uri.isOpaque() || url.startsWith("git@")) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below, with the forms that are accepted
        }
        throw new InvalidValueException("sourceUrl", url,
                "must be an absolute URL such as https://github.com/acme/plugin, file:///opt/plugins/x.jar or git@host:repo.git");
    }
}
