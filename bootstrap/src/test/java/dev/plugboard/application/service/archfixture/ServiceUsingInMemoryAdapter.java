package dev.plugboard.application.service.archfixture;

import dev.plugboard.application.inmemory.InMemoryAuditLog;

/** Breaks "services use ports, not adapters". */
public class ServiceUsingInMemoryAdapter {
    public Object log() {
        return new InMemoryAuditLog();
    }
}
