package dev.plugboard.adapter.cli.testing;

import dev.plugboard.adapter.cli.secrets.KeyMaterial;
import dev.plugboard.application.port.in.audit.ReadAuditTrailUseCase;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.application.port.in.execution.PublishEventUseCase;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.installation.ListInstallationsUseCase;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase;
import dev.plugboard.application.port.in.run.CancelRunUseCase;
import dev.plugboard.application.port.in.run.QueryRunsUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Prototype;

/**
 * Supplies the use cases as bootstrap does, one bean per use-case interface, but from the
 * current {@link TestPlugboard}: prototypes, so each command run sees the instance of its test.
 */
@Factory
public class TestBeans {

    @Prototype
    BrowseCatalogUseCase browse(TestPlugboard p) {
        return p.use().catalog();
    }

    @Prototype
    RegisterPluginUseCase register(TestPlugboard p) {
        return p.use().catalog();
    }

    @Prototype
    SwitchPluginUseCase switching(TestPlugboard p) {
        return p.use().catalog();
    }

    @Prototype
    SyncCatalogUseCase sync(TestPlugboard p) {
        return p.use().catalog();
    }

    @Prototype
    InstallPluginUseCase install(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    UninstallPluginUseCase uninstall(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    ConfigureInstallationUseCase configure(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    ToggleInstallationUseCase toggle(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    ListInstallationsUseCase listInstallations(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    ValidateSettingsUseCase validate(TestPlugboard p) {
        return p.use().installations();
    }

    @Prototype
    QueryRunsUseCase queryRuns(TestPlugboard p) {
        return p.use().runs();
    }

    @Prototype
    StartRunUseCase startRun(TestPlugboard p) {
        return p.use().runs();
    }

    @Prototype
    CancelRunUseCase cancelRun(TestPlugboard p) {
        return p.use().runs();
    }

    @Prototype
    ReadAuditTrailUseCase audit(TestPlugboard p) {
        return p.use().audit();
    }

    @Prototype
    CircuitsUseCase circuits(TestPlugboard p) {
        return p.use().circuits();
    }

    @Prototype
    RoleGrantsUseCase roleGrants(TestPlugboard p) {
        return p.use().grants();
    }

    @Prototype
    PublishEventUseCase publishEvent(TestPlugboard p) {
        return p.use().events();
    }

    @Prototype
    SecretKeysUseCase secretKeys(TestPlugboard p) {
        return p.use().secretKeys();
    }

    /** Stands in for Tink, which only bootstrap wires: the CLI test checks the command prints what it is given. */
    @Prototype
    KeyMaterial keyMaterial() {
        return () -> "{\"primaryKeyId\": 1, \"key\": []}";
    }

    @Prototype
    dev.plugboard.application.port.in.monitoring.PluginHealthUseCase pluginHealth(TestPlugboard p) {
        return p.use().health();
    }

    @Prototype
    dev.plugboard.application.port.in.monitoring.AlertsUseCase alerts(TestPlugboard p) {
        return p.use().alerts();
    }
}
