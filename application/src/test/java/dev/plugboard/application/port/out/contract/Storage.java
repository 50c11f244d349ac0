package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.out.AuditLog;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.OwnerDirectory;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.TransactionBoundary;

/** One complete, empty set of storage ports for a contract test to exercise. */
public record Storage(PluginRepository plugins, InstallationRepository installations, RunRepository runs,
                      OwnerDirectory owners, AuditLog audit, TransactionBoundary transactions) {
}
