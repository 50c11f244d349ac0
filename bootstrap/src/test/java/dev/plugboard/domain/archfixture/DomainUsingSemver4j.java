package dev.plugboard.domain.archfixture;

import org.semver4j.Semver;

/** Breaks "the domain is pure Java": semver4j outside the version classes. */
public class DomainUsingSemver4j {
    public Object version() {
        return Semver.parse("1.0.0");
    }
}
