package dev.plugboard.application.service.installation;

import dev.plugboard.application.service.execution.Threads;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginHookFailedException;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsValidation;
import dev.plugboard.domain.settings.Violation;
import dev.plugboard.plugin.SettingsProblem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls plugins' lifecycle hooks, each on a thread of its own and bounded by the hook timeout (a
 * process-mode plugin's hook runs in its host, which is killed when the timeout interrupts the wait).
 * A plugin without a handler on this server (an external one) has no hooks. Settings are passed to
 * the plugin only: nothing here logs them or puts them in a message.
 */
public final class LifecycleHooks {

    /** The keyword of the violations a {@code validate} hook reports. */
    public static final String KEYWORD = "validate";

    /** One hook of one handler. */
    @FunctionalInterface
    interface Call<T> {
        T on(PluginHandler handler) throws Exception;
    }

    private final HandlerRegistry handlers;
    private final Duration timeout;
    private final SettingsVault vault;
    private final ExecutorService threads = Executors.newCachedThreadPool(Threads.daemon("plugboard-hook-"));

    public LifecycleHooks(HandlerRegistry handlers, Duration timeout, SettingsVault vault) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the hook timeout must be positive, not " + timeout);
        }
        this.handlers = handlers;
        this.timeout = timeout;
        this.vault = vault;
    }

    /** {@code onInstall}, with the settings about to be stored; a failure refuses the install. */
    void beforeInstall(PluginName plugin, Owner owner, JsonDocument settings) {
        required(plugin, "onInstall", handler -> {
            handler.onInstall(owner, settings);
            return null;
        });
    }

    /** {@code onConfigure}, with the stored settings and the new ones; a failure refuses the change. */
    void beforeConfigure(Installation current, JsonDocument newSettings) {
        required(current.plugin(), "onConfigure", handler -> {
            handler.onConfigure(current.owner(), vault.inClear(current), newSettings);
            return null;
        });
    }

    /** {@code onEnable}; a failure keeps the installation off. */
    void beforeEnable(Installation current) {
        required(current.plugin(), "onEnable", handler -> {
            handler.onEnable(current.owner(), vault.inClear(current));
            return null;
        });
    }

    /** {@code onDisable}: the failure for the audit entry (the installation goes off anyway), or empty. */
    Optional<String> afterDisable(Installation installation) {
        return tolerated(installation.plugin(), "onDisable", handler -> {
            handler.onDisable(installation.owner(), vault.inClear(installation));
            return null;
        });
    }

    /** {@code onUninstall}: the failure for the audit entry (the installation is removed anyway), or empty. */
    Optional<String> afterUninstall(Installation removed) {
        return tolerated(removed.plugin(), "onUninstall", handler -> {
            handler.onUninstall(removed.owner(), vault.inClear(removed));
            return null;
        });
    }

    /** The problems the plugin's {@code validate} hook finds, as violations; a failing hook refuses the operation. */
    List<Violation> validate(PluginName plugin, JsonDocument settings) {
        List<SettingsProblem> problems = required(plugin, KEYWORD, handler -> handler.validate(settings));
        return problems == null ? List.of() : problems.stream()
                .map(problem -> new Violation(problem.pointer(), KEYWORD, problem.message())).toList();
    }

    /**
     * {@code checked} with the plugin's {@code validate} problems joined to its violations, so they reach
     * the owner as schema violations do, at their fields. The hook sees only settings the schema accepted.
     */
    SettingsValidation withHookProblems(SettingsValidation checked) {
        if (!checked.isValid()) {
            return checked;
        }
        return checked.withProblems(validate(PluginName.of(checked.plugin()), checked.effectiveSettings()));
    }

    /** Calls a hook that guards the operation: a failure refuses it with {@link PluginHookFailedException}. */
    private <T> T required(PluginName plugin, String hook, Call<T> call) {
        Optional<String> failure = Optional.empty();
        T result = null;
        Optional<PluginHandler> handler = handlers.find(plugin);
        if (handler.isPresent()) {
            Outcome<T> outcome = call(handler.get(), hook, call);
            failure = outcome.failure();
            result = outcome.result();
        }
        if (failure.isPresent()) {
            throw new PluginHookFailedException(plugin.value(), hook, failure.get());
        }
        return result;
    }

    /** Calls a hook whose failure does not stop the operation: the failure, for the audit entry, or empty. */
    private Optional<String> tolerated(PluginName plugin, String hook, Call<?> call) {
        return handlers.find(plugin).flatMap(handler -> call(handler, hook, call).failure()).map(why -> hook + " hook failed: " + why);
    }

    private record Outcome<T>(T result, Optional<String> failure) {
    }

    private <T> Outcome<T> call(PluginHandler handler, String hook, Call<T> call) {
        Future<T> answer = threads.submit(() -> call.on(handler));
        try {
            return new Outcome<>(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS), Optional.empty());
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Outcome<>(null, Optional.of("no answer within " + describe(timeout)
                    + " (plugboard.plugins.hook-timeout)"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // A plugin's own failure says what it means; anything else is named by its type.
            return new Outcome<>(null, Optional.of(cause instanceof dev.plugboard.plugin.PluginFailure failure
                    ? failure.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome<>(null, Optional.of(hook + " was interrupted"));
        }
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
