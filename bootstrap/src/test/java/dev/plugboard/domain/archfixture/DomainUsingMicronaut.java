package dev.plugboard.domain.archfixture;

import io.micronaut.core.annotation.Introspected;

/** Breaks "no io.micronaut in the core". */
@Introspected
public class DomainUsingMicronaut {
}
