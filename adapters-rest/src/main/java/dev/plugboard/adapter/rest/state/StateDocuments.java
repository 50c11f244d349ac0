package dev.plugboard.adapter.rest.state;

import dev.plugboard.application.port.in.state.StateProblemsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.application.port.in.state.YamlText;

import java.util.List;

/**
 * The state document over HTTP: read from YAML or JSON (YAML reads JSON too); a syntax error names
 * its place only, never the text around it, which may hold a secret.
 */
final class StateDocuments {

    private StateDocuments() {
    }

    static JsonDocument read(String body) {
        try {
            return YamlText.read(body == null ? "" : body).orElseThrow(() -> new StateProblemsException(List.of(
                    "body: not a state document; send what GET /api/admin/state/export returns (plugboard: state/v1)")));
        } catch (YamlText.Unreadable e) {
            throw new StateProblemsException(List.of("body: not valid YAML or JSON" + e.place()));
        }
    }
}
