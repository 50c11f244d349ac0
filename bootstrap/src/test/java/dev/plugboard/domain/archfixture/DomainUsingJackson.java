package dev.plugboard.domain.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks "the domain is pure Java": Jackson outside the settings package. */
public class DomainUsingJackson {
    public Object mapper() {
        return new ObjectMapper();
    }
}
