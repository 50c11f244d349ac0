package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.OpenApiDocumentContract;

/**
 * The OpenAPI document contract against the real server: the document it writes to
 * {@code bootstrap/target/openapi/} is the one {@code .ci/spectral} lints.
 */
class OpenApiDocumentFullStackTest extends OpenApiDocumentContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }
}
