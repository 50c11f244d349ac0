package dev.plugboard.domain.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.plugin.ManifestDocument;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.settings.JsonDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest reader on any text: a manifest that writes back to a document reading as the same
 * manifest, or a domain error naming what is wrong; never another exception. In the normal build the
 * committed inputs under {@code src/test/resources/.../ManifestReaderFuzzTestInputs} run (regression);
 * {@code -Pfuzz} fuzzes it.
 */
class ManifestReaderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void givenAnyText_read_givesAManifestThatRoundTrips_orADomainError(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        PluginManifest manifest;
        try {
            manifest = ManifestDocument.read(JsonDocument.parse(text), PluginSource.REGISTERED);
        } catch (DomainException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        PluginManifest again = ManifestDocument.read(ManifestDocument.write(manifest), PluginSource.REGISTERED);
        assertThat(again.name()).isEqualTo(manifest.name());
        assertThat(again.version()).isEqualTo(manifest.version());
    }
}
